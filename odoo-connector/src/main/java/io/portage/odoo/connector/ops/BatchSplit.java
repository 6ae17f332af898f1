package io.portage.odoo.connector.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.portage.odoo.connector.error.OdooAuthException;
import io.portage.odoo.connector.error.OdooException;
import io.portage.odoo.connector.ops.OdooBatcher.Outcome;
import io.smallrye.mutiny.Uni;

/** How a batch finds the record that makes Odoo refuse a whole call: halves the call until each key has its answer. */
final class BatchSplit {

    private BatchSplit() {
    }

    /**
     * Runs {@code call} over all keys; when Odoo refuses the call for something a record causes (validation, missing
     * record, access, server error: the whole call was rolled back), runs it again over each half until every key has
     * its own answer, recording the failure of each key that fails alone in {@code failures}. Failures worth
     * repeating (unavailable, concurrency) and authentication failures end the whole batch.
     */
    static <K, V, R> Uni<List<Map<K, V>>> splitOnRecordError(List<K> keys, Function<List<K>, Uni<Map<K, V>>> call,
            Map<K, Outcome<R>> failures) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return call.apply(keys)
                .map(result -> List.of(result))
                .onFailure(BatchSplit::causedByRecord)
                .recoverWithUni(failure -> {
                    if (keys.size() == 1) {
                        failures.put(keys.get(0), Outcome.failed(failure));
                        return Uni.createFrom().item(List.of());
                    }
                    List<K> left = keys.subList(0, keys.size() / 2);
                    List<K> right = keys.subList(keys.size() / 2, keys.size());
                    return splitOnRecordError(left, call, failures)
                            .chain(first -> splitOnRecordError(right, call, failures).map(second -> {
                                List<Map<K, V>> all = new ArrayList<>(first);
                                all.addAll(second);
                                return all;
                            }));
                });
    }

    private static boolean causedByRecord(Throwable failure) {
        return failure instanceof OdooException odoo && !odoo.retryable() && !(odoo instanceof OdooAuthException);
    }
}
