package io.portage.yard.service;

/** Another booking holds a slot overlapping the one asked for at that dock. */
public class SlotTakenException extends RuntimeException {

    public SlotTakenException(BookAppointment command) {
        super("Dock " + command.dock() + " at " + command.site() + " is already booked for part of "
                + command.slot().start() + " to " + command.slot().end());
    }
}
