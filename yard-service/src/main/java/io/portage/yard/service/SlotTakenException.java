package io.portage.yard.service;

import io.portage.yard.domain.Slot;

/** Every door of the dock that takes the load is held for part of the slot asked for. */
public class SlotTakenException extends RuntimeException {

    public SlotTakenException(String site, String dock, Slot slot) {
        super("Every door of dock " + dock + " at " + site + " that takes this load is booked for part of " + slot.start()
                + " to " + slot.end());
    }
}
