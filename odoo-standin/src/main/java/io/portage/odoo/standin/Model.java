package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The definition of one stand-in model: its fields, default order and how its records are named. */
final class Model {

    final String name;
    final String description;
    final Map<String, Field> fields = new LinkedHashMap<>();
    String order = "id";
    BiFunction<Orm, Map<String, Object>, String> displayName;

    Model(String name, String description) {
        this.name = name;
        this.description = description;
        add("id", Field.Type.INTEGER, "ID");
        add("display_name", Field.Type.CHAR, "Display Name").computed((orm, row) -> orm.displayName(this, row));
        add("create_date", Field.Type.DATETIME, "Created on");
        add("write_date", Field.Type.DATETIME, "Last Updated on");
        many2one("create_uid", "Created by", "res.users");
        many2one("write_uid", "Last Updated by", "res.users");
        displayName = (orm, row) -> {
            Object value = row.get("name");
            return value == null ? name + "," + row.get("id") : value.toString();
        };
    }

    String table() {
        return name.replace('.', '_');
    }

    Field add(String fieldName, Field.Type type, String string) {
        Field field = new Field(fieldName, type, string);
        fields.put(fieldName, field);
        return field;
    }

    Field chars(String fieldName, String string) {
        return add(fieldName, Field.Type.CHAR, string);
    }

    Field bool(String fieldName, String string) {
        return add(fieldName, Field.Type.BOOLEAN, string).defaultTo(false);
    }

    Field decimal(String fieldName, String string) {
        return add(fieldName, Field.Type.FLOAT, string).defaultTo(0.0);
    }

    Field selection(String fieldName, String string, List<String> values) {
        Field field = add(fieldName, Field.Type.SELECTION, string);
        field.selection = values;
        return field;
    }

    Field many2one(String fieldName, String string, String comodel) {
        Field field = add(fieldName, Field.Type.MANY2ONE, string);
        field.comodel = comodel;
        return field;
    }

    Field one2many(String fieldName, String string, String comodel, String inverse) {
        Field field = add(fieldName, Field.Type.ONE2MANY, string);
        field.comodel = comodel;
        field.inverse = inverse;
        return field;
    }

    Field many2many(String fieldName, String string, String comodel) {
        Field field = add(fieldName, Field.Type.MANY2MANY, string);
        field.comodel = comodel;
        return field;
    }
}
