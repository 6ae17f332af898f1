package io.portage.edi.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The X12 transaction sets Portage exchanges, with their functional identifier (GS01) and who may exchange them. */
public enum DocumentType {

    WAREHOUSE_SHIPPING_ORDER("940", "OW", Direction.OUT, Set.of(PartnerRole.THIRD_PARTY_LOGISTICS)), WAREHOUSE_SHIPPING_ADVICE(
            "945", "SW", Direction.IN, Set.of(PartnerRole.THIRD_PARTY_LOGISTICS)), WAREHOUSE_RECEIPT_ADVICE("944", "RE",
                    Direction.IN, Set.of(PartnerRole.THIRD_PARTY_LOGISTICS)), SHIP_NOTICE("856", "SH", Direction.OUT,
                            Set.of(PartnerRole.CUSTOMER)), CARRIER_SHIPMENT_STATUS("214", "QM", Direction.IN,
                                    Set.of(PartnerRole.CARRIER)), FREIGHT_INVOICE("210", "IM", Direction.IN,
                                            Set.of(PartnerRole.CARRIER)), FUNCTIONAL_ACKNOWLEDGMENT("997", "FA", Direction.BOTH,
                                                    Set.of(PartnerRole.values()));

    /** Whether Portage sends, receives or does both. */
    public enum Direction {
        IN, OUT, BOTH
    }

    private final String code;
    private final String functionalId;
    private final Direction direction;
    private final Set<PartnerRole> roles;

    DocumentType(String code, String functionalId, Direction direction, Set<PartnerRole> roles) {
        this.code = code;
        this.functionalId = functionalId;
        this.direction = direction;
        this.roles = roles;
    }

    /** The transaction set identifier (ST01), e.g. {@code 940}. */
    public String code() {
        return code;
    }

    /** The functional identifier code of its group (GS01), e.g. {@code OW}. */
    public String functionalId() {
        return functionalId;
    }

    public Direction direction() {
        return direction;
    }

    public boolean allowedFor(PartnerRole role) {
        return roles.contains(role);
    }

    public static Optional<DocumentType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
