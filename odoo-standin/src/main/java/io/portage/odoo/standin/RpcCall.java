package io.portage.odoo.standin;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A parsed RPC call: the model and method it runs (null outside the {@code object} service), how to perform it and
 * how its protocol answers a failure.
 */
record RpcCall(String model, String method, Supplier<Answer> perform, Function<OdooError, Answer> failure) {

    /** The model and method of an {@code object} service call, read before authentication (for faults and counts). */
    record Target(String model, String method) {

        static Target of(String serviceMethod, List<Object> args) {
            if ((serviceMethod.equals("execute_kw") || serviceMethod.equals("execute")) && args.size() >= 5
                    && args.get(3) instanceof String model && args.get(4) instanceof String method) {
                return new Target(model, method);
            }
            return null;
        }
    }
}
