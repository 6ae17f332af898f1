package io.portage.edi.service;

import java.util.UUID;

/** No file in the archive has this id. */
public class FileNotFoundException extends RuntimeException {

    private final UUID id;

    public FileNotFoundException(UUID id) {
        super("No EDI file " + id);
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
