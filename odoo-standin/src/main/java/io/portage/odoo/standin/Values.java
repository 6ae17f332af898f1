package io.portage.odoo.standin;

import java.util.List;

/** How a value sent over the API becomes a stored value, and how a stored value is read back, per field type. */
final class Values {

    private Values() {
    }

    static Object convert(Orm orm, Model model, Field field, Object value) {
        if (value == null || Boolean.FALSE.equals(value) && field.type != Field.Type.BOOLEAN) {
            return null;
        }
        return switch (field.type) {
            case CHAR, TEXT -> value.toString();
            case INTEGER -> ((Number) number(model, field, value)).intValue();
            case FLOAT -> ((Number) number(model, field, value)).doubleValue();
            case BOOLEAN -> !(Boolean.FALSE.equals(value) || value instanceof Number n && n.doubleValue() == 0
                    || "".equals(value));
            case SELECTION -> {
                if (!field.selection.contains(value.toString())) {
                    throw OdooError.valueError("Wrong value for " + model.name + "." + field.name + ": '" + value + "'");
                }
                yield value.toString();
            }
            case DATE -> dateString(value.toString(), 10);
            case DATETIME -> {
                String text = value.toString().replace('T', ' ');
                yield text.length() == 10 ? text + " 00:00:00" : dateString(text, 19);
            }
            case MANY2ONE -> {
                Object id = value instanceof List<?> pair && !pair.isEmpty() ? pair.get(0) : value;
                if (!(id instanceof Number n)) {
                    throw OdooError.valueError("Wrong value for " + model.name + "." + field.name + ": " + value);
                }
                if (orm.row(field.comodel, n.intValue()) == null) {
                    throw Records.foreignKey(model, field);
                }
                yield n.intValue();
            }
            default -> throw new IllegalStateException(field.type.name());
        };
    }

    /** A stored value as {@code read} answers it: many2one {@code [id, name]}, empty values {@code false}. */
    static Object read(Orm orm, Field field, Object raw) {
        return switch (field.type) {
            case MANY2ONE -> raw == null ? false : List.of(raw, orm.displayName(field.comodel, (Integer) raw));
            case ONE2MANY, MANY2MANY -> raw == null ? List.of() : raw;
            case BOOLEAN -> raw == null ? false : raw;
            case INTEGER -> raw == null ? 0 : raw;
            case FLOAT -> raw == null ? 0.0 : raw;
            default -> raw == null ? false : raw;
        };
    }

    private static Object number(Model model, Field field, Object value) {
        if (value instanceof Number) {
            return value;
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw OdooError.valueError("Wrong value for " + model.name + "." + field.name + ": '" + value + "'");
        }
    }

    private static String dateString(String text, int length) {
        String pattern = length == 10 ? "\\d{4}-\\d{2}-\\d{2}" : "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
        String trimmed = text.length() > length ? text.substring(0, length) : text;
        if (!trimmed.matches(pattern)) {
            throw OdooError.valueError("time data '" + text + "' does not match format '"
                    + (length == 10 ? "%Y-%m-%d" : "%Y-%m-%d %H:%M:%S") + "'");
        }
        return trimmed;
    }
}
