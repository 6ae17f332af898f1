package io.portage.yard.domain;

/** A change the appointment's status does not allow (cancelling one that has arrived, moving a completed one). */
public class AppointmentStateException extends RuntimeException {

    public AppointmentStateException(String message) {
        super(message);
    }
}
