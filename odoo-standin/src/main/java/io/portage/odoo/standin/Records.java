package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Odoo's {@code create}, {@code write} and {@code unlink}: defaults, required fields, relations and cascades. */
final class Records {

    private final Orm orm;
    private final X2many x2many;

    Records(Orm orm) {
        this.orm = orm;
        this.x2many = new X2many(orm, this);
    }

    /** {@code create(vals_list)}; {@code default_<field>} keys of the context are defaults of the model created. */
    @SuppressWarnings("unchecked")
    List<Integer> create(Model model, Object valsParam, Map<String, Object> context) {
        List<Map<String, Object>> valsList;
        if (valsParam instanceof Map<?, ?> single) {
            valsList = List.of((Map<String, Object>) single);
        } else if (valsParam instanceof List<?> list) {
            valsList = (List<Map<String, Object>>) list;
        } else {
            throw OdooError.typeError("create() vals_list must be a dict or a list of dicts, got " + valsParam);
        }
        List<Integer> ids = new ArrayList<>();
        for (Map<String, Object> vals : valsList) {
            ids.add(createOne(model, vals == null ? Map.of() : vals, context));
        }
        return ids;
    }

    int createOne(Model model, Map<String, Object> given, Map<String, Object> context) {
        checkFields(model, given);
        Map<String, Object> vals = new LinkedHashMap<>();
        context.forEach((key, value) -> {
            String name = key.startsWith("default_") ? key.substring("default_".length()) : null;
            if (name != null && model.fields.containsKey(name) && model.fields.get(name).compute == null) {
                vals.put(name, value);
            }
        });
        vals.putAll(given);
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : model.fields.values()) {
            if (field.stored() && !Orm.MAGIC.contains(field.name)) {
                row.put(field.name, field.type.x2many()
                        ? List.of()
                        : field.defaultValue == null ? null : field.defaultValue.apply(orm));
            }
        }
        Map<String, Object> relations = new LinkedHashMap<>();
        vals.forEach((name, value) -> {
            Field field = model.fields.get(name);
            if (field.type.x2many()) {
                relations.put(name, value);
            } else if (field.stored() && !Orm.MAGIC.contains(name)) {
                row.put(name, Values.convert(orm, model, field, value));
            }
        });
        Flows.beforeCreate(orm, model, row, vals.keySet());
        int id = orm.nextId(model.name);
        row.put("id", id);
        checkRequired(model, row);
        orm.put(model.name, row);
        relations.forEach((name, value) -> x2many.apply(model, id, model.fields.get(name), value));
        Flows.afterCreate(orm, model, id);
        return id;
    }

    boolean write(Model model, List<Integer> ids, Object valsParam) {
        if (!(valsParam instanceof Map<?, ?> raw)) {
            throw OdooError.typeError("write() vals must be a dict, got " + valsParam);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vals = (Map<String, Object>) raw;
        orm.queries.ensureExist(model, ids);
        checkFields(model, vals);
        for (Integer id : ids) {
            Map<String, Object> updated = new LinkedHashMap<>(orm.row(model.name, id));
            vals.forEach((name, value) -> {
                Field field = model.fields.get(name);
                if (!field.type.x2many() && field.stored() && !Orm.MAGIC.contains(name)) {
                    updated.put(name, Values.convert(orm, model, field, value));
                }
            });
            MoveAmounts.beforeWrite(orm, model, vals.keySet(), updated);
            Currencies.checkStaysActive(orm, model, updated);
            checkRequired(model, updated);
            updated.forEach((name, value) -> orm.update(model.name, id, name, value));
            orm.update(model.name, id, "write_date", orm.now());
            orm.update(model.name, id, "write_uid", Orm.UID);
            vals.forEach((name, value) -> {
                Field field = model.fields.get(name);
                if (field.type.x2many()) {
                    x2many.apply(model, id, field, value);
                }
            });
        }
        return true;
    }

    boolean unlink(Model model, List<Integer> ids) {
        orm.queries.ensureExist(model, ids);
        Flows.beforeUnlink(orm, model, ids);
        for (Integer id : ids) {
            if (orm.row(model.name, id) == null) {
                continue;
            }
            orm.delete(model.name, id);
            for (Model other : orm.models()) {
                for (Field field : other.fields.values()) {
                    if (field.type != Field.Type.MANY2ONE || !model.name.equals(field.comodel)
                            || Orm.MAGIC.contains(field.name)) {
                        continue;
                    }
                    for (Map<String, Object> ref : orm.children(other.name, field.name, id)) {
                        boolean cascade = field.required && model.fields.values()
                                .stream()
                                .anyMatch(f -> other.name.equals(f.comodel) && field.name.equals(f.inverse));
                        if (cascade) {
                            unlink(other, List.of((Integer) ref.get("id")));
                        } else if (field.required) {
                            throw foreignKey(other, field);
                        } else {
                            orm.update(other.name, (Integer) ref.get("id"), field.name, null);
                        }
                    }
                }
            }
        }
        return true;
    }

    private static void checkFields(Model model, Map<String, Object> vals) {
        for (String name : vals.keySet()) {
            if (!model.fields.containsKey(name)) {
                throw OdooError.valueError("Invalid field '" + name + "' on model '" + model.name + "'");
            }
        }
    }

    /**
     * A missing required value reaches PostgreSQL as a NOT NULL violation, which {@code odoo/service/model.py}
     * ({@code retrying} -> {@code _as_validation_error}) turns into this ValidationError (Odoo 17 and 18).
     * {@code res.partner.name} is not NOT NULL but guarded by the SQL constraint {@code check_name}; the unique
     * constraint {@code ir_model_data.module_name_uniq} reaches the client through the same path.
     */
    private void checkRequired(Model model, Map<String, Object> row) {
        if (model.name.equals("res.partner") && row.get("name") == null) {
            throw OdooError.validationError("The operation cannot be completed: Contacts require a name");
        }
        if (model.name.equals("ir.model.data")) {
            for (Map<String, Object> other : orm.rows(model.name)) {
                if (!other.get("id").equals(row.get("id")) && Objects.equals(other.get("module"), row.get("module"))
                        && Objects.equals(other.get("name"), row.get("name"))) {
                    throw OdooError.validationError("The operation cannot be completed: You cannot have multiple "
                            + "records with the same external ID in the same module!");
                }
            }
        }
        for (Field field : model.fields.values()) {
            if (field.required && field.stored() && row.get(field.name) == null) {
                throw OdooError.validationError("The operation cannot be completed:\n"
                        + "- Create/update: a mandatory field is not set.\n"
                        + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
                        + "Model: " + model.description + " (" + model.name + ")\n" + "Field: " + field.string + " ("
                        + field.name + ")\n");
            }
        }
    }

    static OdooError foreignKey(Model model, Field field) {
        return OdooError.validationError("The operation cannot be completed: another model requires the record being "
                + "deleted. If possible, archive it instead.\n\n" + "Model: " + model.description + " (" + model.name
                + ")\n" + "Constraint: " + model.table() + "_" + field.name + "_fkey\n");
    }
}
