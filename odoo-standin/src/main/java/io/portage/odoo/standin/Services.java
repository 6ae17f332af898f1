package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Odoo's RPC services shared by JSON-RPC and XML-RPC: {@code common} (version, login), {@code db} and {@code object}. */
final class Services {

    private final OdooStandin standin;
    private final Orm orm;

    Services(OdooStandin standin, Orm orm) {
        this.standin = standin;
        this.orm = orm;
    }

    Object dispatch(String service, String method, List<Object> args, RpcCall.Target target) {
        switch (service) {
            case "common" -> {
                return switch (method) {
                    case "version" -> standin.versionInfo();
                    case "login" -> login(args, 3);
                    case "authenticate" -> login(args, 4);
                    default -> throw OdooError.attributeError("module 'odoo.service.common' has no attribute 'exp_"
                            + method + "'");
                };
            }
            case "db" -> {
                if (method.equals("list")) {
                    return List.of(standin.database());
                }
                if (method.equals("server_version")) {
                    return standin.versionInfo().get("server_version");
                }
                throw OdooError.accessDenied();
            }
            case "object" -> {
                return object(method, args, target);
            }
            default -> throw OdooError.valueError("No such service: " + service);
        }
    }

    private Object object(String method, List<Object> args, RpcCall.Target target) {
        if (args.size() < 3) {
            throw OdooError.typeError(method + "() missing required positional arguments");
        }
        checkDatabase(args.get(0));
        if (!(args.get(1) instanceof Number uid) || uid.intValue() != Orm.UID
                || !standin.acceptsPassword(String.valueOf(args.get(2)))) {
            throw OdooError.accessDenied();
        }
        if (target == null) {
            throw OdooError.typeError(method + "() needs a model and a method name");
        }
        if (method.equals("execute_kw")) {
            List<Object> callArgs = args.size() > 5 && args.get(5) instanceof List<?> l
                    ? new ArrayList<>(l)
                    : new ArrayList<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> kwargs = args.size() > 6 && args.get(6) instanceof Map<?, ?> m
                    ? (Map<String, Object>) m
                    : Map.of();
            return orm.methods.executeKw(target.model(), target.method(), callArgs, kwargs);
        }
        return orm.methods.executeKw(target.model(), target.method(), new ArrayList<>(args.subList(5, args.size())),
                Map.of());
    }

    private Object login(List<Object> args, int arity) {
        if (args.size() < arity) {
            throw OdooError.typeError("exp_" + (arity == 3 ? "login" : "authenticate") + "() missing "
                    + (arity - args.size()) + " required positional argument(s)");
        }
        checkDatabase(args.get(0));
        boolean ok = standin.login().equals(String.valueOf(args.get(1)))
                && standin.acceptsPassword(String.valueOf(args.get(2)));
        return ok ? (Object) Orm.UID : (Object) false;
    }

    private void checkDatabase(Object database) {
        if (!standin.database().equals(String.valueOf(database))) {
            throw OdooError.operationalError("connection to server failed: FATAL:  database \"" + database
                    + "\" does not exist\n");
        }
    }
}
