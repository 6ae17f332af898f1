package io.portage.edi.domain;

/** What a trading partner is to Portage, which decides the documents it may exchange. */
public enum PartnerRole {
    /** A third-party warehouse: receives 940s, sends 945s and 944s. */
    THIRD_PARTY_LOGISTICS,
    /** A customer that wants an 856 advance ship notice at dispatch. */
    CUSTOMER,
    /** A carrier that only does EDI: sends 214 status and 210 freight invoices. */
    CARRIER
}
