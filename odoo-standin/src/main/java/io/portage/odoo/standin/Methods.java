package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The method table (Odoo's generic model methods and the business methods Portage calls) and the entry points of
 * {@code execute_kw} and JSON-2: private methods refused, access rights checked, parameters bound, the context handed
 * to the method, one transaction per call.
 */
final class Methods {

    /** What a method runs on: its model, records, bound parameters and the call's context. */
    record Call(Orm orm, Model model, List<Integer> ids, Map<String, Object> params, Map<String, Object> context) {
    }

    @FunctionalInterface
    interface Handler {

        Object run(Call call);
    }

    /** {@code operation}: the access right the method needs on its model (read, write, create, unlink). */
    private record Method(boolean apiModel, List<String> params, int required, String operation, Handler handler) {
    }

    private static final Set<String> READS = Set.of("search", "search_read", "search_count", "read", "name_search",
            "fields_get");

    private final Orm orm;
    private final Map<String, Method> generic = new HashMap<>();
    private final Map<String, Map<String, Method>> specific = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** Records the current thread's last call created or ran on, for the per-record cost. */
    private final ThreadLocal<Integer> records = new ThreadLocal<>();

    Methods(Orm orm) {
        this.orm = orm;
        registerGeneric();
        Flows.register(this);
        Pickings.register(this);
        StockWizards.register(this);
        Purchases.register(this);
        Returns.register(this);
        Invoicing.register(this);
        Reversals.register(this);
    }

    Object executeKw(String modelName, String method, List<Object> args, Map<String, Object> kwargs) {
        if (method.startsWith("_")) {
            throw privateMethod(modelName, method);
        }
        if (!orm.hasModel(modelName)) {
            throw OdooError.userError("Object " + modelName + " doesn't exist");
        }
        Model model = orm.model(modelName);
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
            ids = X2many.toIds(positional.remove(0));
        }
        Map<String, Object> params = bind(method, spec, positional, kwargs);
        Object result = run(model, method, spec, ids, params, context(kwargs));
        if (method.equals("create") && params.get("vals_list") instanceof Map) {
            return ((List<?>) result).get(0);
        }
        return result;
    }

    Object executeJson2(String modelName, String method, List<Integer> ids, Map<String, Object> kwargs,
            Map<String, Object> context) {
        if (!orm.hasModel(modelName)) {
            throw OdooError.notFound("the model '" + modelName + "' does not exist");
        }
        Model model = orm.model(modelName);
        countCall(modelName, method);
        if (method.startsWith("_")) {
            throw privateMethod(modelName, method);
        }
        Method spec = method(model, method);
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
        return run(model, method, spec, ids, params, context == null ? Map.of() : context);
    }

    private Object run(Model model, String method, Method spec, List<Integer> ids, Map<String, Object> params,
            Map<String, Object> context) {
        records.set(recordCount(spec, method, ids, params));
        Call call = new Call(orm, model, ids, params, context);
        if (READS.contains(method)) {
            return orm.reading(() -> {
                orm.access.check(model, spec.operation);
                return spec.handler.run(call);
            });
        }
        return orm.transaction(() -> {
            orm.access.check(model, spec.operation);
            return spec.handler.run(call);
        });
    }

    /** {@code Private methods (such as 'account.move._reverse_moves') cannot be called remotely.} */
    private static OdooError privateMethod(String modelName, String method) {
        return OdooError.accessError("Private methods (such as '" + modelName + "." + method
                + "') cannot be called remotely.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Map<String, Object> kwargs) {
        return kwargs != null && kwargs.get("context") instanceof Map<?, ?> context
                ? (Map<String, Object>) context
                : Map.of();
    }

    void countCall(String modelName, String method) {
        calls.computeIfAbsent(modelName + "/" + method, k -> new AtomicInteger()).incrementAndGet();
    }

    int calls(String modelName, String method) {
        AtomicInteger count = calls.get(modelName + "/" + method);
        return count == null ? 0 : count.get();
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

    private void registerGeneric() {
        Queries q = orm.queries;
        Records r = orm.records;
        generic.put("search", new Method(true, List.of("domain", "offset", "limit", "order"), 1, "read",
                c -> q.search(c.model(), c.params().get("domain"), c.params().get("offset"), c.params().get("limit"),
                        c.params().get("order"), c.context())));
        generic.put("search_read", new Method(true, List.of("domain", "fields", "offset", "limit", "order"), 0, "read",
                c -> q.read(c.model(), q.search(c.model(), c.params().get("domain"), c.params().get("offset"),
                        c.params().get("limit"), c.params().get("order"), c.context()), c.params().get("fields"), true)));
        generic.put("search_count", new Method(true, List.of("domain", "limit"), 1, "read",
                c -> q.search(c.model(), c.params().get("domain"), null, c.params().get("limit"), "id", c.context())
                        .size()));
        generic.put("read", new Method(false, List.of("fields", "load"), 0, "read",
                c -> q.read(c.model(), c.ids(), c.params().get("fields"), true)));
        generic.put("create", new Method(true, List.of("vals_list"), 1, "create",
                c -> r.create(c.model(), c.params().get("vals_list"), c.context())));
        generic.put("write", new Method(false, List.of("vals"), 1, "write",
                c -> r.write(c.model(), c.ids(), c.params().get("vals"))));
        generic.put("unlink", new Method(false, List.of(), 0, "unlink", c -> r.unlink(c.model(), c.ids())));
        generic.put("name_search", new Method(true, List.of("name", orm.major >= 18 ? "domain" : "args", "operator",
                "limit"), 0, "read", c -> q.nameSearch(c.model(), c.params(), c.context())));
        generic.put("fields_get", new Method(true, List.of("allfields", "attributes"), 0, null,
                c -> q.fieldsGet(c.model(), c.params().get("allfields"))));
    }

    /** A record method of one model, needing the {@code operation} right on it (none when null). */
    void register(String modelName, String name, String operation, Handler handler) {
        specific.computeIfAbsent(modelName, k -> new HashMap<>())
                .put(name, new Method(false, List.of(), 0, operation, handler));
    }

    /** A record method that needs write access on its model, as Odoo's buttons do. */
    void register(String modelName, String name, Handler handler) {
        register(modelName, name, "write", handler);
    }
}
