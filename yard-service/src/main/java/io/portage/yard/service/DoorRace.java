package io.portage.yard.service;

/** Recognises a write that lost a door to a concurrent booking on the exclusion constraint. */
final class DoorRace {

    private DoorRace() {
    }

    static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("ex_appointment_door_overlap")) {
                return true;
            }
        }
        return false;
    }
}
