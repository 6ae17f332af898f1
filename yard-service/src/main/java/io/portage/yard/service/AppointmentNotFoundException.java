package io.portage.yard.service;

import java.util.UUID;

import io.portage.kit.domain.NotFoundException;

/** No dock appointment by that id, or not one the caller may see (another partner's is not revealed). */
public class AppointmentNotFoundException extends NotFoundException {

    public AppointmentNotFoundException(UUID id) {
        super("Appointment " + id + " does not exist");
    }
}
