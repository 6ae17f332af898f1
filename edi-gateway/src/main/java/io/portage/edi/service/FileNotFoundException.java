package io.portage.edi.service;

import java.util.UUID;

import io.portage.kit.domain.NotFoundException;

/** No file in the archive has this id. */
public class FileNotFoundException extends NotFoundException {

    public FileNotFoundException(UUID id) {
        super("EDI file " + id + " does not exist");
    }
}
