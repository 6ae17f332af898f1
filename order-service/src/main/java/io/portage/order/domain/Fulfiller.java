package io.portage.order.domain;

/** Who picks and ships an order: the warehouse's own WMS (id = warehouse code) or a 3PL (id = its partner id). */
public record Fulfiller(Type type, String id) {

    /** The two kinds of fulfiller. */
    public enum Type {
        WAREHOUSE, THIRD_PARTY
    }

    public Fulfiller {
        if (type == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("A fulfiller needs a type and an id");
        }
    }

    public static Fulfiller warehouse(String code) {
        return new Fulfiller(Type.WAREHOUSE, code);
    }

    public static Fulfiller thirdParty(String partnerId) {
        return new Fulfiller(Type.THIRD_PARTY, partnerId);
    }
}
