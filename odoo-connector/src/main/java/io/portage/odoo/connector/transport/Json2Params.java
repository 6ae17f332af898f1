package io.portage.odoo.connector.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an {@code execute_kw} call (positional args, kwargs) onto the named parameters of JSON-2's
 * {@code POST /json/2/<model>/<method>} body.
 *
 * <pre>
 * search        [domain]        {offset, limit, order}   -> {domain, offset, limit, order}
 * search_read   [domain]        {fields, offset, limit, order} -> {domain, fields, offset, limit, order}
 * search_count  [domain]        {limit}                  -> {domain, limit}
 * read          [ids]           {fields}                 -> {ids, fields}
 * create        [vals | [vals]] {}                       -> {vals_list: [vals...]}
 * write         [ids, vals]     {}                       -> {ids, vals}
 * unlink        [ids]           {}                       -> {ids}
 * any other     [ids]           {kwargs...}              -> {ids, kwargs...}  (action_confirm, button_validate, ...)
 * </pre>
 * {@code context} in kwargs becomes the body's {@code context}.
 */
public final class Json2Params {

    private Json2Params() {
    }

    public static Map<String, Object> body(String method, List<?> args, Map<String, ?> kwargs) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<?> a = args == null ? List.of() : args;
        switch (method) {
            case "search", "search_read", "search_count" -> {
                body.put("domain", a.isEmpty() ? List.of() : a.get(0));
                if (a.size() > 1) {
                    throw unsupported(method, a);
                }
            }
            case "create" -> {
                Object vals = a.isEmpty() ? List.of() : a.get(0);
                body.put("vals_list", vals instanceof Map<?, ?> ? List.of(vals) : vals);
                if (a.size() > 1) {
                    throw unsupported(method, a);
                }
            }
            case "write" -> {
                if (a.size() != 2) {
                    throw unsupported(method, a);
                }
                body.put("ids", a.get(0));
                body.put("vals", a.get(1));
            }
            default -> {
                if (a.size() > 1) {
                    throw unsupported(method, a);
                }
                body.put("ids", a.isEmpty() ? List.of() : a.get(0));
            }
        }
        if (kwargs != null) {
            kwargs.forEach(body::put);
        }
        return body;
    }

    /** Whether JSON-2 answers this call with a list where {@code execute_kw} answers one value (create of one dict). */
    public static boolean unwrapSingle(String method, List<?> args) {
        return "create".equals(method) && args != null && !args.isEmpty() && args.get(0) instanceof Map<?, ?>;
    }

    private static IllegalArgumentException unsupported(String method, List<?> args) {
        return new IllegalArgumentException("no JSON-2 mapping for " + method + " with " + args.size()
                + " positional arguments; pass them as kwargs");
    }
}
