package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The x2many command tuples ({@code [0,0,vals]} ... {@code [6,0,ids]}) applied to a one2many or many2many field. */
final class X2many {

    private final Orm orm;
    private final Records records;

    X2many(Orm orm, Records records) {
        this.orm = orm;
        this.records = records;
    }

    @SuppressWarnings("unchecked")
    void apply(Model model, int id, Field field, Object value) {
        List<?> commands;
        if (value instanceof List<?> list) {
            commands = list;
        } else if (value == null || Boolean.FALSE.equals(value)) {
            commands = List.of(List.of(5));
        } else {
            throw OdooError.valueError("Wrong value for " + model.name + "." + field.name + ": " + value);
        }
        if (!commands.isEmpty() && commands.stream().allMatch(c -> c instanceof Number)) {
            commands = List.of(List.of(6, 0, commands));
        }
        Model comodel = orm.model(field.comodel);
        Set<Integer> linked = new LinkedHashSet<>((List<Integer>) orm.value(model, orm.row(model.name, id), field));
        for (Object command : commands) {
            if (!(command instanceof List<?> c) || c.isEmpty() || !(c.get(0) instanceof Number code)) {
                throw OdooError.valueError("Invalid x2many command " + command + " for " + model.name + "."
                        + field.name);
            }
            Integer target = c.size() > 1 && c.get(1) instanceof Number n ? n.intValue() : null;
            switch (code.intValue()) {
                case 0 -> {
                    Map<String, Object> vals = new LinkedHashMap<>(c.size() > 2 && c.get(2) instanceof Map<?, ?> m
                            ? (Map<String, Object>) m
                            : Map.of());
                    if (field.type == Field.Type.ONE2MANY) {
                        vals.put(field.inverse, id);
                    }
                    linked.add(records.createOne(comodel, vals, Map.of()));
                }
                case 1 -> records.write(comodel, List.of(target), c.get(2));
                case 2 -> {
                    records.unlink(comodel, List.of(target));
                    linked.remove(target);
                }
                case 3 -> linked.remove(target);
                case 4 -> {
                    orm.queries.ensureExist(comodel, List.of(target));
                    linked.add(target);
                }
                case 5 -> linked.clear();
                case 6 -> {
                    List<Integer> replacement = toIds(c.size() > 2 ? c.get(2) : List.of());
                    orm.queries.ensureExist(comodel, replacement);
                    linked.clear();
                    linked.addAll(replacement);
                }
                default -> throw OdooError.valueError("Invalid x2many command " + command);
            }
        }
        if (field.type == Field.Type.MANY2MANY) {
            orm.update(model.name, id, field.name, List.copyOf(linked));
            return;
        }
        Field inverse = comodel.fields.get(field.inverse);
        for (Map<String, Object> child : orm.children(comodel.name, field.inverse, id)) {
            Integer childId = (Integer) child.get("id");
            if (field.domain.test(child) && !linked.contains(childId)) {
                if (inverse.required) {
                    records.unlink(comodel, List.of(childId));
                } else {
                    orm.update(comodel.name, childId, field.inverse, null);
                }
            }
        }
        for (Integer childId : linked) {
            Map<String, Object> child = orm.row(comodel.name, childId);
            if (child != null && !Integer.valueOf(id).equals(child.get(field.inverse))) {
                orm.update(comodel.name, childId, field.inverse, id);
            }
        }
    }

    static List<Integer> toIds(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        if (value instanceof Number n) {
            return List.of(n.intValue());
        }
        if (value instanceof List<?> list) {
            List<Integer> ids = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Number n)) {
                    throw OdooError.typeError("Invalid record id " + item);
                }
                ids.add(n.intValue());
            }
            return ids;
        }
        throw OdooError.typeError("Invalid record ids " + value);
    }
}
