package io.portage.finance.domain;

/** Why a carrier invoice line is disputed rather than paid. */
public enum DisputeClass {
    /** The line costs more than its re-rated charge, beyond the carrier's tolerance. */
    OVERCHARGE,
    /** The carrier bills a shipment (tracking number) it billed before, or an invoice number it used before. */
    DUPLICATE_BILLING,
    /** No label of this carrier carries the tracking number. */
    UNKNOWN_SHIPMENT,
    /** An accessorial charge the carrier's terms do not agree. */
    UNEXPECTED_ACCESSORIAL,
    /** The carrier billed a higher weight than was declared, and the charge rose beyond tolerance with it. */
    REWEIGH,
    /** No rate card of the carrier covers the lane on the ship date in the invoice's currency: the line cannot be re-rated. */
    NO_RATE_CARD,
    /**
     * The line carries only an amount (an EDI 210 v1) and Portage holds no cost in the invoice's currency for the
     * shipment to match it to.
     */
    NO_EXPECTED_COST
}
