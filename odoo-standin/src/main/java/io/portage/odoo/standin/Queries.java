package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Odoo's {@code search} (domain, active records, order, offset, limit), {@code read} and {@code name_search}. */
final class Queries {

    private final Orm orm;

    Queries(Orm orm) {
        this.orm = orm;
    }

    /**
     * {@code search}: records with {@code active = false} are left out unless the domain mentions {@code active} or the
     * context says {@code active_test: false}; records the user's record rules hide are left out too.
     */
    List<Integer> search(Model model, Object domain, Object offset, Object limit, Object order,
            Map<String, Object> context) {
        Predicate<Map<String, Object>> compiled = Domain.compile(orm, model, domain);
        boolean activeTest = !Boolean.FALSE.equals(context.get("active_test"));
        Predicate<Map<String, Object>> predicate = model.fields.containsKey("active") && activeTest
                && !mentionsActive(domain)
                        ? compiled.and(row -> !Boolean.FALSE.equals(row.get("active")))
                        : compiled;
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> row : orm.rows(model.name)) {
            if (predicate.test(row) && orm.access.visible(model, row)) {
                found.add(row);
            }
        }
        found.sort(comparator(model, order instanceof String s && !s.isBlank() ? s : model.order));
        int from = offset instanceof Number n ? n.intValue() : 0;
        int size = limit instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
        return found.stream().skip(from).limit(size).map(r -> (Integer) r.get("id")).toList();
    }

    private static boolean mentionsActive(Object domain) {
        return domain instanceof List<?> terms && terms.stream()
                .anyMatch(t -> t instanceof List<?> leaf && !leaf.isEmpty() && "active".equals(leaf.get(0)));
    }

    private Comparator<Map<String, Object>> comparator(Model model, String order) {
        Comparator<Map<String, Object>> result = null;
        for (String part : order.split(",")) {
            String[] words = part.trim().split("\\s+");
            Field field = model.fields.get(words[0]);
            if (field == null) {
                throw OdooError.valueError("Invalid field " + words[0] + " on model " + model.name + " in order "
                        + order);
            }
            boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
            Comparator<Map<String, Object>> one = (a, b) -> {
                Object x = sortKey(model, field, a);
                Object y = sortKey(model, field, b);
                if (x == null || y == null) {
                    return x == y ? 0 : x == null ? 1 : -1;
                }
                return Domain.compare(x, y);
            };
            if (desc) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        Comparator<Map<String, Object>> byId = Comparator.comparing(r -> (Integer) r.get("id"));
        return result == null ? byId : result.thenComparing(byId);
    }

    private Object sortKey(Model model, Field field, Map<String, Object> row) {
        Object value = orm.value(model, row, field);
        if (field.type == Field.Type.MANY2ONE && value != null) {
            return orm.displayName(field.comodel, (Integer) value);
        }
        return value instanceof List<?> ? null : value;
    }

    /**
     * {@code read(ids, fields)}. With {@code asUser}, a field restricted to groups the user lacks is refused when asked
     * for and left out when all fields are read, and a record the user's rules hide is refused, as Odoo does.
     */
    List<Map<String, Object>> read(Model model, List<Integer> ids, Object fieldsParam, boolean asUser) {
        List<String> names = new ArrayList<>();
        if (fieldsParam instanceof List<?> list && !list.isEmpty()) {
            for (Object name : list) {
                if (!model.fields.containsKey(String.valueOf(name))) {
                    throw OdooError.valueError("Invalid field '" + name + "' on model '" + model.name + "'");
                }
                names.add(String.valueOf(name));
            }
            if (asUser) {
                orm.access.checkFields(model, names);
            }
        } else {
            model.fields.keySet()
                    .stream()
                    .filter(name -> !asUser || orm.access.fieldReadable(model, name))
                    .forEach(names::add);
        }
        ensureExist(model, ids);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Integer id : ids) {
            Map<String, Object> row = orm.row(model.name, id);
            if (asUser) {
                orm.access.checkVisible(model, row);
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", id);
            for (String name : names) {
                Field field = model.fields.get(name);
                record.put(name, Values.read(orm, field, orm.value(model, row, field)));
            }
            result.add(record);
        }
        return result;
    }

    void ensureExist(Model model, List<Integer> ids) {
        List<Integer> missing = ids.stream().filter(id -> orm.row(model.name, id) == null).distinct().toList();
        if (!missing.isEmpty()) {
            throw OdooError.missingError("Record does not exist or has been deleted.\n(Record: " + model.name
                    + missing.subList(0, Math.min(6, missing.size())) + ", User: " + Orm.UID + ")");
        }
    }

    List<List<Object>> nameSearch(Model model, Map<String, Object> params, Map<String, Object> context) {
        Object name = params.getOrDefault("name", "");
        Object operator = params.getOrDefault("operator", "ilike");
        Object limit = params.getOrDefault("limit", 100);
        List<Object> domain = new ArrayList<>();
        Object extra = params.containsKey("domain") ? params.get("domain") : params.get("args");
        if (extra instanceof List<?> terms) {
            domain.addAll(terms);
        }
        if (name != null && !"".equals(name)) {
            domain.add(List.of("display_name", operator, name));
        }
        List<List<Object>> result = new ArrayList<>();
        for (Integer id : search(model, domain, 0, limit, null, context)) {
            result.add(List.of(id, orm.displayName(model.name, id)));
        }
        return result;
    }

    Map<String, Object> fieldsGet(Model model, Object allfields) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Field field : model.fields.values()) {
            if (allfields instanceof List<?> wanted && !wanted.isEmpty() && !wanted.contains(field.name)) {
                continue;
            }
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("type", field.type.odooName());
            description.put("string", field.string);
            description.put("required", field.required);
            description.put("readonly", field.compute != null || Orm.MAGIC.contains(field.name));
            description.put("store", field.stored() || field.type == Field.Type.ONE2MANY);
            if (field.comodel != null) {
                description.put("relation", field.comodel);
            }
            if (field.inverse != null) {
                description.put("relation_field", field.inverse);
            }
            if (field.type == Field.Type.SELECTION) {
                description.put("selection", field.selection.stream().map(v -> List.of(v, v)).toList());
            }
            result.put(field.name, description);
        }
        return result;
    }
}
