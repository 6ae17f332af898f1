package io.portage.odoo.standin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The stand-in's in-memory database: the tables, one transaction per call (rolled back on any error), and the entry
 * points the ORM's parts ({@link Records}, {@link Queries}, {@link Methods}) share. Calls are not serialized as a
 * whole: reads run side by side, a call that writes holds the tables alone while it runs (as row locks and
 * serialization failures keep a real Odoo consistent), and nothing is held between two calls.
 */
final class Orm {

    static final int UID = 2;
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Set<String> MAGIC = Set.of("id", "display_name", "create_date", "write_date", "create_uid",
            "write_uid");
    private static final Map<String, Object> ABSENT = Map.of();

    final int major;
    final Records records;
    final Queries queries;
    final Access access;
    final Methods methods;
    private final Clock clock;
    private final Map<String, Model> models;
    private final Map<String, TreeMap<Integer, Map<String, Object>>> tables = new HashMap<>();
    private final Map<String, Integer> nextIds = new HashMap<>();
    private final Map<String, Integer> sequences = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private Map<String, Map<Integer, Map<String, Object>>> undo;
    private String now;

    Orm(int major, Clock clock, Setup setup) {
        this.major = major;
        this.clock = clock;
        this.models = Schema.build(major);
        models.keySet().forEach(name -> tables.put(name, new TreeMap<>()));
        this.records = new Records(this);
        this.queries = new Queries(this);
        this.access = new Access(this, setup);
        this.methods = new Methods(this);
        now = timestamp();
        Seed.load(this, setup);
    }

    /** Runs a read-only call beside other reads. */
    <T> T reading(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a call that may write as one transaction: everything it changed is undone when it fails. */
    <T> T transaction(Supplier<T> work) {
        lock.writeLock().lock();
        undo = new HashMap<>();
        Map<String, Integer> savedIds = new HashMap<>(nextIds);
        Map<String, Integer> savedSequences = new HashMap<>(sequences);
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
            lock.writeLock().unlock();
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

    void stampWriteDate(String modelName, int id, Instant writeDate) {
        transaction(() -> {
            Map<String, Object> row = tables.get(model(modelName).name).get(id);
            if (row == null) {
                throw new IllegalArgumentException(modelName + " " + id + " does not exist");
            }
            row.put("write_date", LocalDateTime.ofInstant(writeDate, ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .format(DATETIME));
            return null;
        });
    }

    List<Map<String, Object>> records(String modelName) {
        Model model = model(modelName);
        return reading(() -> queries.read(model, new ArrayList<>(tables.get(modelName).keySet()), null, false));
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

    int nextId(String modelName) {
        return nextIds.getOrDefault(modelName, 0) + 1;
    }

    boolean hasModel(String name) {
        return models.containsKey(name);
    }

    Collection<Model> models() {
        return models.values();
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

    void update(String modelName, Integer id, String field, Object value) {
        touch(modelName, id);
        tables.get(modelName).get(id).put(field, value);
    }

    void delete(String modelName, Integer id) {
        touch(modelName, id);
        tables.get(modelName).remove(id);
    }

    // The ORM methods the business rules call, as the user's call would run them (no access check: the entry point did).

    int createOne(Model model, Map<String, Object> vals) {
        return records.createOne(model, vals, Map.of());
    }

    boolean write(Model model, List<Integer> ids, Object vals) {
        return records.write(model, ids, vals);
    }

    boolean unlink(Model model, List<Integer> ids) {
        return records.unlink(model, ids);
    }

    void ensureExist(Model model, List<Integer> ids) {
        queries.ensureExist(model, ids);
    }
}
