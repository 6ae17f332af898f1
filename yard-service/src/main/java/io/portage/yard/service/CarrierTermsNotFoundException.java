package io.portage.yard.service;

/** The carrier has no detention terms defined. */
public class CarrierTermsNotFoundException extends RuntimeException {

    public CarrierTermsNotFoundException(String carrier) {
        super("Carrier " + carrier + " has no detention terms defined");
    }
}
