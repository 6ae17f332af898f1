package io.portage.odoo.standin;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** One field of a stand-in model: its Odoo type, label, relation and default, or how it is computed. */
final class Field {

    enum Type {

        CHAR, TEXT, INTEGER, FLOAT, BOOLEAN, SELECTION, DATE, DATETIME, MANY2ONE, ONE2MANY, MANY2MANY;

        String odooName() {
            return name().toLowerCase();
        }

        boolean relational() {
            return this == MANY2ONE || this == ONE2MANY || this == MANY2MANY;
        }

        boolean x2many() {
            return this == ONE2MANY || this == MANY2MANY;
        }
    }

    final String name;
    final Type type;
    final String string;
    String comodel;
    String inverse;
    boolean required;
    List<String> selection = List.of();
    Function<Orm, Object> defaultValue;
    BiFunction<Orm, Map<String, Object>, Object> compute;
    /** For a one2many with a {@code domain}: which of the comodel's rows pointing here it holds. */
    Predicate<Map<String, Object>> domain = row -> true;
    /** The groups (external ids) a field is restricted to, as Odoo's {@code groups=} attribute; empty: everyone. */
    List<String> groups = List.of();

    Field(String name, Type type, String string) {
        this.name = name;
        this.type = type;
        this.string = string;
    }

    Field required() {
        required = true;
        return this;
    }

    Field defaultTo(Object value) {
        defaultValue = orm -> value;
        return this;
    }

    Field defaultTo(Function<Orm, Object> value) {
        defaultValue = value;
        return this;
    }

    Field computed(BiFunction<Orm, Map<String, Object>, Object> compute) {
        this.compute = compute;
        return this;
    }

    Field domain(Predicate<Map<String, Object>> domain) {
        this.domain = domain;
        return this;
    }

    Field groups(String... groupIds) {
        this.groups = List.of(groupIds);
        return this;
    }

    boolean stored() {
        return compute == null && type != Type.ONE2MANY;
    }
}
