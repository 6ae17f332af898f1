package io.portage.edi.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer's own 856 segment rules, read from its {@code mappings.asn.*} keys: the HL levels (shipment, order, pack,
 * item), the REF qualifiers at shipment and order level, the N1 parties and who Portage is as ship-from.
 */
public record ShipNoticeRules(
        boolean packLevel,
        List<String> shipmentReferences,
        List<String> orderReferences,
        List<String> parties,
        String shipFromName,
        String shipFromQualifier,
        String shipFromId) {

    /** REF qualifiers at shipment level: CN carrier's reference, BM bill of lading, 2I tracking (all the tracking number). */
    public static final Set<String> SHIPMENT_REFERENCES = Set.of("CN", "BM", "2I");
    /** REF qualifiers at order level: VN vendor order number (the ERP's order name), CO customer order number. */
    public static final Set<String> ORDER_REFERENCES = Set.of("VN", "CO");
    /** N1 parties at shipment level: ST ship-to (the order's address), SF ship-from (Portage's warehouse). */
    public static final Set<String> PARTIES = Set.of("ST", "SF");

    public ShipNoticeRules {
        shipmentReferences = List.copyOf(shipmentReferences);
        orderReferences = List.copyOf(orderReferences);
        parties = List.copyOf(parties);
    }

    /**
     * The rules in {@code mappings}: {@code asn.levels} ({@code S,O,P,I} by default, or {@code S,O,I}),
     * {@code asn.shipment-refs} ({@code CN}), {@code asn.order-refs} (none), {@code asn.parties} ({@code ST,SF}),
     * {@code asn.ship-from.name} ({@code PORTAGE}), {@code asn.ship-from.qualifier} and {@code .id} (none).
     *
     * @throws IllegalArgumentException naming each key at fault, one problem per line
     */
    public static ShipNoticeRules of(Map<String, String> mappings) {
        List<String> problems = new ArrayList<>();
        List<String> levels = list(mappings.getOrDefault("asn.levels", "S,O,P,I"));
        boolean pack;
        if (levels.equals(List.of("S", "O", "P", "I"))) {
            pack = true;
        } else if (levels.equals(List.of("S", "O", "I"))) {
            pack = false;
        } else {
            pack = false;
            problems.add("mappings.asn.levels: '" + mappings.get("asn.levels") + "' is not S,O,P,I or S,O,I");
        }
        List<String> shipmentRefs = codes(mappings, "asn.shipment-refs", "CN", SHIPMENT_REFERENCES, problems);
        List<String> orderRefs = codes(mappings, "asn.order-refs", "", ORDER_REFERENCES, problems);
        List<String> parties = codes(mappings, "asn.parties", "ST,SF", PARTIES, problems);
        String qualifier = mappings.get("asn.ship-from.qualifier");
        String id = mappings.get("asn.ship-from.id");
        if (qualifier == null != (id == null)) {
            problems.add("mappings.asn.ship-from.qualifier and .id: give both or neither");
        } else if (qualifier != null && !qualifier.matches("[0-9A-Z]{1,2}")) {
            problems.add("mappings.asn.ship-from.qualifier: '" + qualifier + "' is not an N103 code (e.g. UL, 92, 1)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new ShipNoticeRules(pack, shipmentRefs, orderRefs, parties,
                mappings.getOrDefault("asn.ship-from.name", "PORTAGE"), qualifier, id);
    }

    private static List<String> codes(Map<String, String> mappings, String key, String fallback, Set<String> known,
            List<String> problems) {
        List<String> codes = list(mappings.getOrDefault(key, fallback));
        for (String code : codes) {
            if (!known.contains(code)) {
                problems.add("mappings." + key + ": '" + code + "' is not one of " + known.stream().sorted().toList());
            }
        }
        return codes;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(code -> !code.isEmpty()).toList();
    }
}
