package io.portage.odoo.standin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The stand-in's in-memory database and ORM: Odoo's generic model methods, the business methods Portage calls, one
 * transaction per call (rolled back on any error).
 */
final class Orm {

    static final int UID = 2;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, Object> ABSENT = Map.of();
    private static final Set<String> MAGIC = Set.of("id", "display_name", "create_date", "write_date", "create_uid",
            "write_uid");

    private record Method(boolean apiModel, List<String> params, int required, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {

        Object run(Model model, List<Integer> ids, Map<String, Object> params);
    }

    final int major;
    private final Clock clock;
    private final Map<String, Model> models;
    private final Map<String, TreeMap<Integer, Map<String, Object>>> tables = new HashMap<>();
    private final Map<String, Integer> nextIds = new HashMap<>();
    private final Map<String, Integer> sequences = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** Records the current thread's last call created or ran on, for the per-record cost. */
    private final ThreadLocal<Integer> records = new ThreadLocal<>();
    private final Map<String, Method> generic = new HashMap<>();
    private final Map<String, Map<String, Method>> specific = new HashMap<>();
    private Map<String, Map<Integer, Map<String, Object>>> undo;
    private Map<String, Integer> savedIds;
    private Map<String, Integer> savedSequences;
    private String now;

    Orm(int major, Clock clock, String login) {
        this.major = major;
        this.clock = clock;
        this.models = Schema.build(major);
        models.keySet().forEach(name -> tables.put(name, new TreeMap<>()));
        registerMethods();
        now = timestamp();
        Seed.load(this, login);
    }

    synchronized Object executeKw(String modelName, String method, List<Object> args, Map<String, Object> kwargs) {
        if (method.startsWith("_")) {
            throw OdooError.accessError("Private methods (such as " + modelName + "." + method
                    + ") cannot be called remotely.");
        }
        Model model = models.get(modelName);
        if (model == null) {
            throw OdooError.userError("Object " + modelName + " doesn't exist");
        }
        countCall(modelName, method);
        Method spec = method(model, method);
        if (spec == null) {
            throw OdooError.attributeError("The method '" + method + "' does not exist on the model '" + modelName + "'");
        }
        List<Object> positional = new ArrayList<>(args == null ? List.of() : args);
        List<Integer> ids = List.of();
        if (!spec.apiModel) {
            if (positional.isEmpty()) {
                throw OdooError.typeError(method + "() missing 1 required positional argument: 'self'");
            }
            ids = toIds(positional.remove(0));
        }
        Map<String, Object> params = bind(method, spec, positional, kwargs);
        records.set(recordCount(spec, method, ids, params));
        List<Integer> recordIds = ids;
        Object result = transaction(() -> spec.handler.run(model, recordIds, params));
        if (method.equals("create") && params.get("vals_list") instanceof Map) {
            return ((List<?>) result).get(0);
        }
        return result;
    }

    synchronized Object executeJson2(String modelName, String method, List<Integer> ids, Map<String, Object> kwargs) {
        Model model = models.get(modelName);
        if (model == null) {
            throw OdooError.notFound("the model '" + modelName + "' does not exist");
        }
        countCall(modelName, method);
        Method spec = method.startsWith("_") ? null : method(model, method);
        if (spec == null) {
            throw OdooError.notFound("The method '" + modelName + "." + method + "' does not exist");
        }
        if (spec.apiModel && !ids.isEmpty()) {
            throw OdooError.unprocessable("cannot call " + modelName + "." + method + " with ids");
        }
        Map<String, Object> params;
        try {
            params = bind(method, spec, List.of(), kwargs);
        } catch (OdooError e) {
            throw OdooError.unprocessable(e.getMessage());
        }
        records.set(recordCount(spec, method, ids, params));
        return transaction(() -> spec.handler.run(model, ids, params));
    }

    synchronized void countCall(String modelName, String method) {
        calls.computeIfAbsent(modelName + "/" + method, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Records the current thread's last call created ({@code create}) or ran on (record methods), then forgets it. */
    int takeRecords() {
        Integer count = records.get();
        records.remove();
        return count == null ? 0 : count;
    }

    private static int recordCount(Method spec, String method, List<Integer> ids, Map<String, Object> params) {
        if (method.equals("create")) {
            return params.get("vals_list") instanceof List<?> list ? list.size() : 1;
        }
        return spec.apiModel ? 0 : ids.size();
    }

    int calls(String modelName, String method) {
        AtomicInteger count = calls.get(modelName + "/" + method);
        return count == null ? 0 : count.get();
    }

    synchronized void stampWriteDate(String modelName, int id, java.time.Instant writeDate) {
        Map<String, Object> row = tables.get(model(modelName).name).get(id);
        if (row == null) {
            throw new IllegalArgumentException(modelName + " " + id + " does not exist");
        }
        row.put("write_date", LocalDateTime.ofInstant(writeDate, java.time.ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DATETIME));
    }

    synchronized List<Map<String, Object>> records(String modelName) {
        Model model = model(modelName);
        now = timestamp();
        return read(model, new ArrayList<>(tables.get(modelName).keySet()), null);
    }

    private <T> T transaction(Supplier<T> work) {
        undo = new HashMap<>();
        savedIds = new HashMap<>(nextIds);
        savedSequences = new HashMap<>(sequences);
        now = timestamp();
        try {
            T result = work.get();
            Accounting.beforeCommit(this, touchedMoves());
            return result;
        } catch (RuntimeException e) {
            undo.forEach((modelName, rows) -> rows.forEach((id, original) -> {
                if (original == ABSENT) {
                    tables.get(modelName).remove(id);
                } else {
                    tables.get(modelName).put(id, original);
                }
            }));
            nextIds.clear();
            nextIds.putAll(savedIds);
            sequences.clear();
            sequences.putAll(savedSequences);
            throw e;
        } finally {
            undo = null;
        }
    }

    /** The journal entries this transaction created or changed, directly or through their lines (deleted ones included). */
    private Set<Integer> touchedMoves() {
        Set<Integer> moves = new LinkedHashSet<>(undo.getOrDefault("account.move", Map.of()).keySet());
        undo.getOrDefault("account.move.line", Map.of()).forEach((id, original) -> {
            Map<String, Object> current = row("account.move.line", id);
            for (Map<String, Object> line : Arrays.asList(current, original)) {
                if (line != null && line.get("move_id") != null) {
                    moves.add((Integer) line.get("move_id"));
                }
            }
        });
        return moves;
    }

    private void touch(String modelName, Integer id) {
        if (undo != null) {
            undo.computeIfAbsent(modelName, k -> new HashMap<>()).computeIfAbsent(id, k -> {
                Map<String, Object> row = tables.get(modelName).get(id);
                return row == null ? ABSENT : new LinkedHashMap<>(row);
            });
        }
    }

    private String timestamp() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DATETIME);
    }

    String now() {
        return now;
    }

    String today() {
        return now.substring(0, 10);
    }

    int year() {
        return LocalDate.parse(today()).getYear();
    }

    String nextSequence(String key, String prefix) {
        int next = sequences.merge(key, 1, Integer::sum);
        return prefix + String.format("%05d", next);
    }

    Model model(String name) {
        Model model = models.get(name);
        if (model == null) {
            throw new IllegalArgumentException("unknown model " + name);
        }
        return model;
    }

    Map<String, Object> row(String modelName, Integer id) {
        return id == null ? null : tables.get(modelName).get(id);
    }

    Collection<Map<String, Object>> rows(String modelName) {
        return tables.get(modelName).values();
    }

    List<Map<String, Object>> children(String modelName, String inverse, Object id) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> row : tables.get(modelName).values()) {
            if (id != null && id.equals(row.get(inverse))) {
                result.add(row);
            }
        }
        return result;
    }

    double sum(String modelName, String inverse, Object id, String field) {
        Model model = model(modelName);
        double total = 0.0;
        for (Map<String, Object> row : children(modelName, inverse, id)) {
            total += ((Number) value(model, row, model.fields.get(field))).doubleValue();
        }
        return Math.round(total * 100.0) / 100.0;
    }

    double onHand(Integer productId) {
        double total = 0.0;
        for (Map<String, Object> quant : rows("stock.quant")) {
            Map<String, Object> location = row("stock.location", (Integer) quant.get("location_id"));
            if (productId.equals(quant.get("product_id")) && location != null
                    && "internal".equals(location.get("usage"))) {
                total += ((Number) quant.get("quantity")).doubleValue();
            }
        }
        return total;
    }

    String displayName(String modelName, Integer id) {
        Map<String, Object> row = row(modelName, id);
        return row == null ? "" : displayName(model(modelName), row);
    }

    String displayName(Model model, Map<String, Object> row) {
        return model.displayName.apply(this, row);
    }

    Object value(Model model, Map<String, Object> row, Field field) {
        if (field.compute != null) {
            return field.compute.apply(this, row);
        }
        if (field.type == Field.Type.ONE2MANY) {
            return children(field.comodel, field.inverse, row.get("id")).stream()
                    .filter(field.domain)
                    .map(r -> (Integer) r.get("id"))
                    .toList();
        }
        return row.get(field.name);
    }

    void put(String modelName, Map<String, Object> row) {
        Integer id = (Integer) row.get("id");
        nextIds.merge(modelName, id, Math::max);
        row.putIfAbsent("create_date", now);
        row.putIfAbsent("write_date", now);
        row.putIfAbsent("create_uid", UID);
        row.putIfAbsent("write_uid", UID);
        touch(modelName, id);
        tables.get(modelName).put(id, row);
    }

    private void update(String modelName, Integer id, String field, Object value) {
        touch(modelName, id);
        tables.get(modelName).get(id).put(field, value);
    }

    private void delete(String modelName, Integer id) {
        touch(modelName, id);
        tables.get(modelName).remove(id);
    }

    List<Integer> search(Model model, Object domain, Object offset, Object limit, Object order) {
        Predicate<Map<String, Object>> compiled = Domain.compile(this, model, domain);
        Predicate<Map<String, Object>> predicate = model.fields.containsKey("active") && !mentionsActive(domain)
                ? compiled.and(row -> !Boolean.FALSE.equals(row.get("active")))
                : compiled;
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> row : tables.get(model.name).values()) {
            if (predicate.test(row)) {
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
        Object value = value(model, row, field);
        if (field.type == Field.Type.MANY2ONE && value != null) {
            return displayName(field.comodel, (Integer) value);
        }
        return value instanceof List<?> ? null : value;
    }

    List<Map<String, Object>> read(Model model, List<Integer> ids, Object fieldsParam) {
        List<String> names = new ArrayList<>();
        if (fieldsParam instanceof List<?> list && !list.isEmpty()) {
            for (Object name : list) {
                if (!model.fields.containsKey(String.valueOf(name))) {
                    throw OdooError.valueError("Invalid field '" + name + "' on model '" + model.name + "'");
                }
                names.add(String.valueOf(name));
            }
        } else {
            names.addAll(model.fields.keySet());
        }
        ensureExist(model, ids);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Integer id : ids) {
            Map<String, Object> row = row(model.name, id);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", id);
            for (String name : names) {
                Field field = model.fields.get(name);
                record.put(name, readValue(field, value(model, row, field)));
            }
            result.add(record);
        }
        return result;
    }

    private Object readValue(Field field, Object raw) {
        return switch (field.type) {
            case MANY2ONE -> raw == null ? false : List.of(raw, displayName(field.comodel, (Integer) raw));
            case ONE2MANY, MANY2MANY -> raw == null ? List.of() : raw;
            case BOOLEAN -> raw == null ? false : raw;
            case INTEGER -> raw == null ? 0 : raw;
            case FLOAT -> raw == null ? 0.0 : raw;
            default -> raw == null ? false : raw;
        };
    }

    void ensureExist(Model model, List<Integer> ids) {
        List<Integer> missing = ids.stream().filter(id -> row(model.name, id) == null).distinct().toList();
        if (!missing.isEmpty()) {
            throw OdooError.missingError("Record does not exist or has been deleted.\n(Record: " + model.name
                    + missing.subList(0, Math.min(6, missing.size())) + ", User: " + UID + ")");
        }
    }

    @SuppressWarnings("unchecked")
    List<Integer> create(Model model, Object valsParam) {
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
            ids.add(createOne(model, vals == null ? Map.of() : vals));
        }
        return ids;
    }

    int createOne(Model model, Map<String, Object> vals) {
        checkFields(model, vals);
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : model.fields.values()) {
            if (field.stored() && !MAGIC.contains(field.name)) {
                row.put(field.name, field.type.x2many()
                        ? List.of()
                        : field.defaultValue == null ? null : field.defaultValue.apply(this));
            }
        }
        Map<String, Object> x2many = new LinkedHashMap<>();
        vals.forEach((name, value) -> {
            Field field = model.fields.get(name);
            if (field.type.x2many()) {
                x2many.put(name, value);
            } else if (field.stored() && !MAGIC.contains(name)) {
                row.put(name, convert(model, field, value));
            }
        });
        Flows.beforeCreate(this, model, row);
        int id = nextIds.getOrDefault(model.name, 0) + 1;
        row.put("id", id);
        checkRequired(model, row);
        put(model.name, row);
        x2many.forEach((name, value) -> applyX2many(model, id, model.fields.get(name), value));
        return id;
    }

    boolean write(Model model, List<Integer> ids, Object valsParam) {
        if (!(valsParam instanceof Map<?, ?> raw)) {
            throw OdooError.typeError("write() vals must be a dict, got " + valsParam);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vals = (Map<String, Object>) raw;
        ensureExist(model, ids);
        checkFields(model, vals);
        for (Integer id : ids) {
            Map<String, Object> updated = new LinkedHashMap<>(row(model.name, id));
            vals.forEach((name, value) -> {
                Field field = model.fields.get(name);
                if (!field.type.x2many() && field.stored() && !MAGIC.contains(name)) {
                    updated.put(name, convert(model, field, value));
                }
            });
            checkRequired(model, updated);
            updated.forEach((name, value) -> update(model.name, id, name, value));
            update(model.name, id, "write_date", now);
            update(model.name, id, "write_uid", UID);
            vals.forEach((name, value) -> {
                Field field = model.fields.get(name);
                if (field.type.x2many()) {
                    applyX2many(model, id, field, value);
                }
            });
        }
        return true;
    }

    boolean unlink(Model model, List<Integer> ids) {
        ensureExist(model, ids);
        Flows.beforeUnlink(this, model, ids);
        for (Integer id : ids) {
            if (row(model.name, id) == null) {
                continue;
            }
            delete(model.name, id);
            for (Model other : models.values()) {
                for (Field field : other.fields.values()) {
                    if (field.type != Field.Type.MANY2ONE || !model.name.equals(field.comodel)
                            || MAGIC.contains(field.name)) {
                        continue;
                    }
                    for (Map<String, Object> ref : children(other.name, field.name, id)) {
                        boolean cascade = field.required && model.fields.values()
                                .stream()
                                .anyMatch(f -> other.name.equals(f.comodel) && field.name.equals(f.inverse));
                        if (cascade) {
                            unlink(other, List.of((Integer) ref.get("id")));
                        } else if (field.required) {
                            throw foreignKey(other, field);
                        } else {
                            update(other.name, (Integer) ref.get("id"), field.name, null);
                        }
                    }
                }
            }
        }
        return true;
    }

    private void checkFields(Model model, Map<String, Object> vals) {
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
            for (Map<String, Object> other : rows(model.name)) {
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

    private OdooError foreignKey(Model model, Field field) {
        return OdooError.validationError("The operation cannot be completed: another model requires the record being "
                + "deleted. If possible, archive it instead.\n\n" + "Model: " + model.description + " (" + model.name
                + ")\n" + "Constraint: " + model.table() + "_" + field.name + "_fkey\n");
    }

    private Object convert(Model model, Field field, Object value) {
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
                if (row(field.comodel, n.intValue()) == null) {
                    throw foreignKey(model, field);
                }
                yield n.intValue();
            }
            default -> throw new IllegalStateException(field.type.name());
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

    @SuppressWarnings("unchecked")
    private void applyX2many(Model model, int id, Field field, Object value) {
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
        Model comodel = model(field.comodel);
        Set<Integer> linked = new LinkedHashSet<>((List<Integer>) value(model, row(model.name, id), field));
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
                    linked.add(createOne(comodel, vals));
                }
                case 1 -> write(comodel, List.of(target), c.get(2));
                case 2 -> {
                    unlink(comodel, List.of(target));
                    linked.remove(target);
                }
                case 3 -> linked.remove(target);
                case 4 -> {
                    ensureExist(comodel, List.of(target));
                    linked.add(target);
                }
                case 5 -> linked.clear();
                case 6 -> {
                    List<Integer> replacement = toIds(c.size() > 2 ? c.get(2) : List.of());
                    ensureExist(comodel, replacement);
                    linked.clear();
                    linked.addAll(replacement);
                }
                default -> throw OdooError.valueError("Invalid x2many command " + command);
            }
        }
        if (field.type == Field.Type.MANY2MANY) {
            update(model.name, id, field.name, List.copyOf(linked));
            return;
        }
        Field inverse = comodel.fields.get(field.inverse);
        for (Map<String, Object> child : children(comodel.name, field.inverse, id)) {
            Integer childId = (Integer) child.get("id");
            if (field.domain.test(child) && !linked.contains(childId)) {
                if (inverse.required) {
                    unlink(comodel, List.of(childId));
                } else {
                    update(comodel.name, childId, field.inverse, null);
                }
            }
        }
        for (Integer childId : linked) {
            Map<String, Object> child = row(comodel.name, childId);
            if (child != null && !Integer.valueOf(id).equals(child.get(field.inverse))) {
                update(comodel.name, childId, field.inverse, id);
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

    private Method method(Model model, String name) {
        Map<String, Method> own = specific.getOrDefault(model.name, Map.of());
        return own.containsKey(name) ? own.get(name) : generic.get(name);
    }

    private static Map<String, Object> bind(String name, Method spec, List<Object> positional,
            Map<String, Object> kwargs) {
        Map<String, Object> params = new HashMap<>();
        if (positional.size() > spec.params.size()) {
            throw OdooError.typeError(name + "() takes " + (spec.params.size() + 1) + " positional arguments but "
                    + (positional.size() + 1) + " were given");
        }
        for (int i = 0; i < positional.size(); i++) {
            params.put(spec.params.get(i), positional.get(i));
        }
        if (kwargs != null) {
            for (Map.Entry<String, Object> entry : kwargs.entrySet()) {
                if (entry.getKey().equals("context")) {
                    continue;
                }
                if (!spec.params.contains(entry.getKey())) {
                    throw OdooError.typeError(name + "() got an unexpected keyword argument '" + entry.getKey() + "'");
                }
                if (params.containsKey(entry.getKey())) {
                    throw OdooError.typeError(name + "() got multiple values for argument '" + entry.getKey() + "'");
                }
                params.put(entry.getKey(), entry.getValue());
            }
        }
        for (int i = 0; i < spec.required; i++) {
            if (!params.containsKey(spec.params.get(i))) {
                throw OdooError.typeError(name + "() missing 1 required positional argument: '" + spec.params.get(i)
                        + "'");
            }
        }
        return params;
    }

    private void registerMethods() {
        generic.put("search", new Method(true, List.of("domain", "offset", "limit", "order"), 1,
                (m, ids, p) -> search(m, p.get("domain"), p.get("offset"), p.get("limit"), p.get("order"))));
        generic.put("search_read", new Method(true, List.of("domain", "fields", "offset", "limit", "order"), 0,
                (m, ids, p) -> read(m, search(m, p.get("domain"), p.get("offset"), p.get("limit"), p.get("order")),
                        p.get("fields"))));
        generic.put("search_count", new Method(true, List.of("domain", "limit"), 1,
                (m, ids, p) -> search(m, p.get("domain"), null, p.get("limit"), "id").size()));
        generic.put("read", new Method(false, List.of("fields", "load"), 0, (m, ids, p) -> read(m, ids, p.get("fields"))));
        generic.put("create", new Method(true, List.of("vals_list"), 1, (m, ids, p) -> create(m, p.get("vals_list"))));
        generic.put("write", new Method(false, List.of("vals"), 1, (m, ids, p) -> write(m, ids, p.get("vals"))));
        generic.put("unlink", new Method(false, List.of(), 0, (m, ids, p) -> unlink(m, ids)));
        generic.put("name_search", new Method(true, List.of("name", major >= 18 ? "domain" : "args", "operator",
                "limit"), 0, (m, ids, p) -> nameSearch(m, p)));
        generic.put("fields_get", new Method(true, List.of("allfields", "attributes"), 0,
                (m, ids, p) -> fieldsGet(m, p.get("allfields"))));
        register("sale.order", "action_confirm", (m, ids, p) -> Flows.confirmOrders(this, ids));
        register("sale.order", "action_cancel", (m, ids, p) -> Flows.cancelOrders(this, ids));
        register("stock.picking", "button_validate", (m, ids, p) -> Flows.validate(this, ids));
        register("stock.backorder.confirmation", "process", (m, ids, p) -> Flows.processBackorder(this, ids, true));
        register("stock.backorder.confirmation", "process_cancel_backorder",
                (m, ids, p) -> Flows.processBackorder(this, ids, false));
        register("account.move", "action_post", (m, ids, p) -> Accounting.post(this, ids));
    }

    private List<List<Object>> nameSearch(Model model, Map<String, Object> params) {
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
        for (Integer id : search(model, domain, 0, limit, null)) {
            result.add(List.of(id, displayName(model.name, id)));
        }
        return result;
    }

    private Map<String, Object> fieldsGet(Model model, Object allfields) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Field field : model.fields.values()) {
            if (allfields instanceof List<?> wanted && !wanted.isEmpty() && !wanted.contains(field.name)) {
                continue;
            }
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("type", field.type.odooName());
            description.put("string", field.string);
            description.put("required", field.required);
            description.put("readonly", field.compute != null || MAGIC.contains(field.name));
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

    private void register(String modelName, String name, Handler handler) {
        specific.computeIfAbsent(modelName, k -> new HashMap<>()).put(name, new Method(false, List.of(), 0, handler));
    }
}
