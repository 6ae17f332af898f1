package io.portage.yard.service;

import io.portage.kit.domain.NotFoundException;

/** The carrier has no detention terms defined. */
public class CarrierTermsNotFoundException extends NotFoundException {

    public CarrierTermsNotFoundException(String carrier) {
        super("Carrier " + carrier + " has no detention terms defined");
    }
}
