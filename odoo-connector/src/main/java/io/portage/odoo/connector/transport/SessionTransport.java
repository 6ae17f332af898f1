package io.portage.odoo.connector.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.error.OdooAuthException;
import io.smallrye.mutiny.Uni;

/** The JSON-RPC and XML-RPC way: log in once per credential for a uid, then send db, uid and secret with every call. */
abstract sealed class SessionTransport implements OdooTransport permits JsonRpcTransport, XmlRpcTransport {

    protected final Credentials credentials;
    protected final String database;
    private final ConcurrentMap<Credential, Integer> uids = new ConcurrentHashMap<>();

    SessionTransport(Credentials credentials, String database) {
        this.credentials = credentials;
        this.database = database;
    }

    @Override
    public Uni<JsonNode> executeKw(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return Uni.createFrom().deferred(() -> {
            Credential first = credentials.current();
            return callAs(first, model, method, args, kwargs)
                    .onFailure(OdooAuthException.class)
                    .recoverWithUni(failure -> {
                        uids.remove(first);
                        if (credentials.reloadAfterAuthFailure(first)) {
                            return callAs(credentials.current(), model, method, args, kwargs);
                        }
                        return Uni.createFrom().failure(failure);
                    });
        });
    }

    private Uni<JsonNode> callAs(Credential credential, String model, String method, List<?> args,
            Map<String, ?> kwargs) {
        Integer cached = uids.get(credential);
        Uni<Integer> uid = cached != null
                ? Uni.createFrom().item(cached)
                : login(credential).invoke(u -> uids.put(credential, u));
        return uid.chain(u -> call(u, credential, model, method, args, kwargs));
    }

    /** {@code common.login(db, login, secret)}; fails with {@link OdooAuthException} when Odoo answers false. */
    protected abstract Uni<Integer> login(Credential credential);

    protected abstract Uni<JsonNode> call(int uid, Credential credential, String model, String method, List<?> args,
            Map<String, ?> kwargs);

    /** {@code common.login}'s arguments: database, login, password or API key. */
    protected final List<Object> loginArgs(Credential credential) {
        return List.of(database, credential.login(), credential.secret());
    }

    /** {@code object.execute_kw}'s arguments: database, uid, secret, model, method, positional and keyword arguments. */
    protected final List<Object> executeKwArgs(int uid, Credential credential, String model, String method,
            List<?> args, Map<String, ?> kwargs) {
        return List.of(database, uid, credential.secret(), model, method, args, kwargs == null ? Map.of() : kwargs);
    }

    protected static int uidOrFail(JsonNode result) {
        if (result == null || !result.canConvertToInt() || !result.isNumber()) {
            throw new OdooAuthException("odoo.exceptions.AccessDenied", "Access Denied (login refused)");
        }
        return result.asInt();
    }
}
