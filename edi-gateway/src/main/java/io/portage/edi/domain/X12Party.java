package io.portage.edi.domain;

/** One side of an interchange: its ID qualifier (ISA05/07, e.g. {@code ZZ}) and id (ISA06/08). */
public record X12Party(String qualifier, String id) {
}
