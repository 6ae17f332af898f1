package io.portage.odoo.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The ORM methods services use ({@code search}, {@code search_read}, {@code create}, ...), typed, over one way of calling Odoo. */
public final class OdooCalls {

    /** One guarded {@code execute_kw} call. */
    @FunctionalInterface
    public interface Call {

        Uni<JsonNode> execute(String model, String method, List<?> args, Map<String, ?> kwargs);
    }

    private final Call call;
    private final int pageSize;

    OdooCalls(Call call, int pageSize) {
        this.call = call;
        this.pageSize = pageSize;
    }

    /** {@code model.method(*args, **kwargs)} as Odoo answers it. */
    public Uni<JsonNode> execute(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return call.execute(model, method, args, kwargs == null ? Map.of() : kwargs);
    }

    /** {@code search(domain, limit=limit, order="id")}: the ids, in id order. */
    public Uni<List<Long>> search(String model, List<?> domain, int limit) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("order", "id");
        if (limit > 0) {
            kwargs.put("limit", limit);
        }
        return execute(model, "search", List.of(domain), kwargs).map(OdooCalls::ids);
    }

    /** {@code search_count(domain)}. */
    public Uni<Long> searchCount(String model, List<?> domain) {
        return execute(model, "search_count", List.of(domain), Map.of()).map(JsonNode::asLong);
    }

    /** {@code search_read(domain, fields, offset, limit, order)}; a limit of 0 means no limit. */
    public Uni<List<JsonNode>> searchRead(String model, List<?> domain, List<String> fields, int offset, int limit,
            String order) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("fields", fields);
        kwargs.put("offset", offset);
        if (limit > 0) {
            kwargs.put("limit", limit);
        }
        kwargs.put("order", order == null ? "id" : order);
        return execute(model, "search_read", List.of(domain), kwargs).map(OdooCalls::list);
    }

    /** {@code search_read} page by page ({@code portage.odoo.page-size} records each, ordered by id unless told). */
    public Multi<List<JsonNode>> searchReadPages(String model, List<?> domain, List<String> fields, String order) {
        return Multi.createBy()
                .repeating()
                .uni(AtomicInteger::new, offset -> searchRead(model, domain, fields, offset.getAndAdd(pageSize),
                        pageSize, order))
                .whilst(page -> page.size() == pageSize)
                .select()
                .where(page -> !page.isEmpty());
    }

    /** {@code read(ids, fields)}; records that do not exist are simply absent. */
    public Uni<List<JsonNode>> read(String model, List<Long> ids, List<String> fields) {
        return execute(model, "read", List.of(ids), Map.of("fields", fields)).map(OdooCalls::list);
    }

    /** {@code create(vals)}: the new record's id. */
    public Uni<Long> create(String model, Map<String, ?> vals) {
        return execute(model, "create", List.of(vals), Map.of())
                .map(result -> result.isArray() ? result.get(0).asLong() : result.asLong());
    }

    /** {@code write(ids, vals)}. */
    public Uni<Boolean> write(String model, List<Long> ids, Map<String, ?> vals) {
        return execute(model, "write", List.of(ids, vals), Map.of()).map(JsonNode::asBoolean);
    }

    /** {@code unlink(ids)}. */
    public Uni<Boolean> unlink(String model, List<Long> ids) {
        return execute(model, "unlink", List.of(ids), Map.of()).map(JsonNode::asBoolean);
    }

    /** A record method such as {@code action_confirm}, {@code button_validate} or {@code action_post} on ids. */
    public Uni<JsonNode> callOnRecords(String model, String method, List<Long> ids, Map<String, ?> kwargs) {
        return execute(model, method, List.of(ids), kwargs);
    }

    static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        if (result.isArray()) {
            result.forEach(id -> ids.add(id.asLong()));
        } else if (result.isNumber()) {
            ids.add(result.asLong());
        }
        return ids;
    }

    static List<JsonNode> list(JsonNode result) {
        List<JsonNode> list = new ArrayList<>();
        result.forEach(list::add);
        return list;
    }
}
