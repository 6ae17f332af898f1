package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.error.OdooConflictException;
import io.portage.odoo.connector.error.OdooMissingException;
import io.smallrye.mutiny.Uni;

/**
 * Journal entries in Odoo ({@code account.move}): invoices, vendor bills (never a second one for the same vendor and
 * reference, which Odoo only flags), freight accruals on accounts found by code in the MISC journal, and reversals
 * (never a second one, which Odoo allows). Each is keyed by a reference and looked up before it is created.
 */
public final class AccountingOperations {

    static final List<String> MOVE_FIELDS = List.of("id", "name", "state", "move_type", "ref", "amount_total",
            "currency_id", "reversed_entry_id");

    private final OdooClient client;
    private final Map<String, Long> accounts = new ConcurrentHashMap<>();

    AccountingOperations(OdooClient client) {
        this.client = client;
    }

    /**
     * Creates and posts the {@code account.move} keyed by ({@code move_type}, {@code ref}): a move already there with
     * that type and ref (a first attempt that timed out after Odoo committed it, or an earlier call) is posted if still a
     * draft and returned as it is otherwise (posted, or cancelled by someone in Odoo), so repeating never makes a second
     * move or posts one twice. The whole operation is retried after unavailable or concurrency failures; Odoo's refusals
     * (validation, missing records, access) are not. The fields used have the same names in Odoo 17, 18 and 19 (as Odoo's
     * source shows), so nothing here depends on the version. What Portage can check itself (an entry that does not balance, an invoice without a
     * partner, ...) {@link MoveRequest} refuses when it is built, before any call.
     */
    public Uni<MoveResult> createAndPostMove(MoveRequest move) {
        if (move == null) {
            throw new IllegalArgumentException("move is required");
        }
        return createAndPost(move, moveDomain(move.kind().moveType(), move.ref()), null);
    }

    /** Finds the move by {@code domain} or creates it (in {@code journalId} when given), then posts it if a draft. */
    private Uni<MoveResult> createAndPost(MoveRequest move, List<?> domain, Long journalId) {
        return client.retrying(() -> createAndPostOnce(move, domain, journalId));
    }

    private Uni<MoveResult> createAndPostOnce(MoveRequest move, List<?> domain, Long journalId) {
        return once().search("account.move", domain, 1)
                .chain(found -> found.isEmpty()
                        ? currencyIds(move).chain(currencies -> {
                            Map<String, Object> vals = MoveVals.of(move, currencies);
                            if (journalId != null) {
                                vals.put("journal_id", journalId);
                            }
                            return once().create("account.move", vals);
                        })
                        : Uni.createFrom().item(found.get(0)))
                .chain(this::postIfDraft);
    }

    Uni<MoveResult> postIfDraft(long id) {
        return readMove(id).chain(current -> "draft".equals(current.state())
                ? once().callOnRecords("account.move", "action_post", List.of(id), Map.of())
                        .chain(ignored -> readMove(id))
                : Uni.createFrom().item(current));
    }

    /** The move of this kind with this {@code ref} (the one with the lowest id if people made several), if Odoo has one. */
    public Uni<MoveResult> findMove(MoveKind kind, String ref) {
        if (kind == null) {
            throw new IllegalArgumentException("move kind is required");
        }
        Rows.requireText(ref, "ref");
        return client.calls()
                .searchRead("account.move", moveDomain(kind.moveType(), ref), MOVE_FIELDS, 0, 1, "id")
                .map(rows -> rows.isEmpty() ? null : move(rows.get(0)));
    }

    /**
     * Creates and posts a vendor bill keyed by vendor and {@code ref} (the vendor's invoice number): Odoo accepts a
     * second bill with the same vendor and ref and only flags it (ODOO.md), so a bill of that vendor with that ref in any
     * state but cancelled is looked for first ({@code move_type}, {@code partner_id}, {@code ref}, {@code state !=
     * cancel}). The same bill again (a retry, or the vendor's duplicate with the same total) is answered with the one
     * Odoo holds (posted if still a draft); a different total under the same number is refused with an
     * {@link OdooConflictException} naming the bill Odoo holds. One bill of {@link #postVendorBills}.
     */
    public Uni<MoveResult> postVendorBill(MoveRequest bill) {
        return postVendorBills(List.of(bill)).map(outcomes -> {
            BillOutcome outcome = outcomes.get(0);
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.bill();
        });
    }

    /**
     * {@link #postVendorBill} for many bills in five calls whatever their number (ODOO.md, "What a call costs"): one
     * {@code search_read} of the bills Odoo holds under the vendors' refs, one {@code search_read} of the currencies
     * named, one {@code create} of the missing bills, one {@code action_post} of the drafts, one {@code read} of the
     * result. A bill asked twice is made once. The whole batch is retried like a single bill (it looks up before it
     * creates); a bill Odoo refuses (the call is rolled back as a whole, and split in halves until the bill is found)
     * fails alone. One outcome per request, in order.
     */
    public Uni<List<BillOutcome>> postVendorBills(List<MoveRequest> bills) {
        for (MoveRequest bill : bills) {
            if (bill.kind() != MoveKind.VENDOR_BILL) {
                throw new IllegalArgumentException("postVendorBills takes vendor bills, not a " + bill.kind());
            }
        }
        Map<String, MoveRequest> byKey = new LinkedHashMap<>();
        bills.forEach(bill -> byKey.putIfAbsent(billKey(bill.partnerId(), bill.ref()), bill));
        if (byKey.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.retrying(() -> postBillsOnce(byKey)).map(outcomes -> bills.stream().map(bill -> {
            BillOutcome outcome = outcomes.get(billKey(bill.partnerId(), bill.ref()));
            if (outcome.bill() != null && outcome.request() != bill) {
                // the same vendor and ref asked twice in one batch: the second is a duplicate of what the first made
                return sameTotal(bill, outcome.bill());
            }
            return new BillOutcome(bill, outcome.bill(), outcome.failure());
        }).toList());
    }

    private Uni<Map<String, BillOutcome>> postBillsOnce(Map<String, MoveRequest> byKey) {
        List<String> keys = new ArrayList<>(byKey.keySet());
        List<Long> vendors = byKey.values().stream().map(MoveRequest::partnerId).distinct().toList();
        List<String> refs = byKey.values().stream().map(MoveRequest::ref).distinct().toList();
        List<String> fields = new ArrayList<>(MOVE_FIELDS);
        fields.add("partner_id");
        Map<String, BillOutcome> outcomes = new HashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        List<String> drafts = new ArrayList<>();
        return once().searchRead("account.move", List.of(List.of("move_type", "=", "in_invoice"), List.of(
                "partner_id", "in", vendors), List.of("ref", "in", refs), List.of("state", "!=", "cancel")), fields, 0, 0,
                "id").chain(rows -> {
                    for (JsonNode row : rows) {
                        String key = billKey(Rows.id(row.path("partner_id")), row.path("ref").asText());
                        if (byKey.containsKey(key) && !ids.containsKey(key)) {
                            MoveResult existing = move(row);
                            BillOutcome same = sameTotal(byKey.get(key), existing);
                            if (same.failure() != null) {
                                outcomes.put(key, same);
                            }
                            ids.put(key, existing.id());
                            if ("draft".equals(existing.state()) && same.failure() == null) {
                                drafts.add(key);
                            }
                        }
                    }
                    List<String> missing = keys.stream().filter(key -> !ids.containsKey(key)).toList();
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(List.<Map<String, Long>>of());
                    }
                    Map<String, OdooBatcher.Outcome<Long>> failures = new HashMap<>();
                    return currencyIds(missing.stream().map(byKey::get).toList())
                            .chain(currencies -> BatchSplit.splitOnRecordError(missing, part -> createMoves(part,
                                    byKey, currencies), failures))
                            .invoke(() -> failures.forEach((key, failure) -> outcomes.put(key, BillOutcome.failed(
                                    byKey.get(key), failure.failure()))));
                }).chain(created -> {
                    created.forEach(part -> {
                        ids.putAll(part);
                        drafts.addAll(part.keySet());
                    });
                    Map<String, OdooBatcher.Outcome<Long>> failures = new HashMap<>();
                    return BatchSplit.splitOnRecordError(drafts, part -> once().callOnRecords("account.move",
                            "action_post", part.stream().map(ids::get).toList(), Map.of())
                            .replaceWith(Map.<String, Long>of()), failures)
                            .invoke(() -> failures.forEach((key, failure) -> outcomes.put(key, BillOutcome.failed(
                                    byKey.get(key), failure.failure()))));
                }).chain(() -> {
                    List<Long> done = keys.stream()
                            .filter(key -> ids.containsKey(key) && !outcomes.containsKey(key))
                            .map(ids::get)
                            .toList();
                    return done.isEmpty()
                            ? Uni.createFrom().item(List.<JsonNode>of())
                            : once().read("account.move", done, MOVE_FIELDS);
                }).map(rows -> {
                    Map<Long, MoveResult> read = new HashMap<>();
                    rows.forEach(row -> read.put(row.path("id").asLong(), move(row)));
                    for (String key : keys) {
                        if (outcomes.containsKey(key)) {
                            continue;
                        }
                        MoveResult bill = read.get(ids.get(key));
                        outcomes.put(key, bill != null
                                ? BillOutcome.of(byKey.get(key), bill)
                                : BillOutcome.failed(byKey.get(key), new OdooMissingException(
                                        "odoo.exceptions.MissingError", "account.move " + ids.get(key)
                                                + " not found")));
                    }
                    return outcomes;
                });
    }

    /**
     * The bill Odoo holds answers a request with the same total (a retry, the vendor's duplicate); another total under
     * the same vendor and ref is refused, naming the bill Odoo holds.
     */
    private static BillOutcome sameTotal(MoveRequest bill, MoveResult existing) {
        BigDecimal total = bill.lines()
                .stream()
                .filter(line -> line.priceUnit() != null)
                .map(line -> line.priceUnit().multiply(line.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean priced = bill.lines().stream().allMatch(line -> line.priceUnit() != null);
        if (priced && existing.amountTotal().compareTo(total) != 0) {
            return BillOutcome.failed(bill, new OdooConflictException("portage.DuplicateVendorBill", "vendor "
                    + bill.partnerId() + " already has bill " + existing.name() + " (id " + existing.id()
                    + ") with ref " + bill.ref() + " for " + existing.amountTotal() + "; a second bill for " + total
                    + " under the same reference is refused"));
        }
        return BillOutcome.of(bill, existing);
    }

    private static String billKey(Long vendorId, String ref) {
        return vendorId + "/" + ref;
    }

    /** {@code create} of the moves of these keys in one call (Odoo answers their ids in order): their ids by key. */
    private Uni<Map<String, Long>> createMoves(List<String> keys, Map<String, MoveRequest> byKey,
            Map<String, Long> currencies) {
        List<Map<String, Object>> vals = keys.stream().map(key -> MoveVals.of(byKey.get(key), currencies)).toList();
        return once().execute("account.move", "create", List.of(vals), Map.of())
                .map(created -> Rows.createdByKey("account.move", keys, created));
    }

    /**
     * A journal entry of {@code amount} from the account coded {@code debitCode} to the one coded {@code creditCode}
     * (e.g. 600000 Expenses to 211100 Bills to receive) in the MISC journal, keyed by {@code ref}.
     */
    public Uni<MoveResult> postEntryByCodes(String ref, LocalDate date, String label, BigDecimal amount,
            String debitCode, String creditCode) {
        return postEntryByCodes(ref, date, label, amount, null, debitCode, creditCode);
    }

    /**
     * {@link #postEntryByCodes(String, LocalDate, String, BigDecimal, String, String)} of {@code amount} in
     * {@code currency} (ISO code; null: company amounts): the lines carry it as {@code amount_currency} and Odoo books
     * the company-currency balance at its rate of {@code date}, 1:1 when it has no rate for that currency, so check
     * {@link CurrencyOperations#rate} first.
     */
    public Uni<MoveResult> postEntryByCodes(String ref, LocalDate date, String label, BigDecimal amount,
            String currency, String debitCode, String creditCode) {
        Rows.requireText(ref, "ref");
        return accountByCode(debitCode).chain(debit -> accountByCode(creditCode).chain(credit -> journalByCode(
                "general", "MISC").chain(journal -> {
                    MoveRequest entry = MoveRequest.accrual(ref, date, currency == null
                            ? List.of(MoveLine.debit(debit, label, amount), MoveLine.credit(credit, label, amount))
                            : List.of(MoveLine.debitIn(debit, label, currency, amount), MoveLine.creditIn(credit, label,
                                    currency, amount)));
                    return createAndPost(entry, moveDomain("entry", ref), journal);
                })));
    }

    /**
     * The account with this code in company 1: {@code company_ids} in 18 and 19 (where {@code company_id} is an
     * invalid field), {@code company_id} in 17. Remembered once found; a code Odoo does not have is an
     * {@link OdooMissingException}.
     */
    public Uni<Long> accountByCode(String code) {
        Rows.requireText(code, "account code");
        Long known = accounts.get(code);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return client.version().chain(version -> {
            List<?> company = version.major() >= 18
                    ? List.of("company_ids", "in", List.of(1))
                    : List.of("company_id", "=", 1);
            return client.retrying(() -> once().search("account.account", List.of(List.of("code", "=", code),
                    company), 1));
        }).map(found -> {
            if (found.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "account.account " + code
                        + " not found in company 1");
            }
            accounts.put(code, found.get(0));
            return found.get(0);
        });
    }

    /** The journal of this type and code, e.g. ({@code general}, {@code MISC}). */
    public Uni<Long> journalByCode(String type, String code) {
        return client.retrying(() -> once().search("account.journal", List.of(List.of("type", "=", type), List.of(
                "code", "=", code)), 1)).map(found -> {
                    if (found.isEmpty()) {
                        throw new OdooMissingException("odoo.exceptions.MissingError", "account.journal " + type + " "
                                + code + " not found");
                    }
                    return found.get(0);
                });
    }

    /**
     * Reverses a posted move once: Odoo reverses the same entry as often as asked (ODOO.md), so the move's
     * {@code reversal_move_ids} are read first and a reversal not cancelled is answered as it is. Otherwise the reversal
     * wizard is made with the journal (required over the API; the move's own when null), date and reason, and
     * {@code refund_moves} called: an entry's reversal is posted at once (dated in the future it stays a draft until
     * then), an invoice's is a draft credit note, which {@link RefundOperations} posts.
     */
    public Uni<MoveResult> reverseMove(long moveId, LocalDate date, String reason, Long journalId) {
        return client.retrying(() -> reverseOnce(moveId, date, reason, journalId));
    }

    /** {@link #reverseMove} without its retries, for an operation that retries as a whole. */
    Uni<MoveResult> reverseOnce(long moveId, LocalDate date, String reason, Long journalId) {
        return once().read("account.move", List.of(moveId), List.of("journal_id",
                "reversal_move_ids")).chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new OdooMissingException("odoo.exceptions.MissingError", "account.move " + moveId
                                + " not found");
                    }
                    List<Long> reversals = Rows.ids(rows.get(0).path("reversal_move_ids"));
                    Long journal = journalId != null ? journalId : Rows.id(rows.get(0).path("journal_id"));
                    return existingReversal(reversals).chain(existing -> existing != null
                            ? Uni.createFrom().item(existing)
                            : reverse(moveId, date, reason, journal));
                });
    }

    private Uni<MoveResult> existingReversal(List<Long> reversals) {
        if (reversals.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return once().read("account.move", reversals, MOVE_FIELDS)
                .map(rows -> rows.stream()
                        .filter(row -> !"cancel".equals(row.path("state").asText()))
                        .map(AccountingOperations::move)
                        .findFirst()
                        .orElse(null));
    }

    private Uni<MoveResult> reverse(long moveId, LocalDate date, String reason, Long journal) {
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("move_ids", List.of(List.of(6, 0, List.of(moveId))));
        vals.put("journal_id", journal);
        if (date != null) {
            vals.put("date", date.toString());
        }
        if (reason != null) {
            vals.put("reason", reason);
        }
        return once().create("account.move.reversal", vals)
                .chain(wizard -> once().callOnRecords("account.move.reversal", "refund_moves", List.of(wizard),
                        Map.of()))
                .chain(action -> {
                    if (!action.hasNonNull("res_id")) {
                        throw new OdooMissingException("odoo.exceptions.MissingError", "the reversal of account.move "
                                + moveId + " answered no record: " + action);
                    }
                    return readMove(action.get("res_id").asLong());
                });
    }

    Uni<MoveResult> readMove(long id) {
        return once().read("account.move", List.of(id), MOVE_FIELDS).map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "account.move " + id + " not found");
            }
            return move(rows.get(0));
        });
    }

    /** {@code account.move} has no {@code active} field: this finds moves in every state, cancelled ones included. */
    private static List<?> moveDomain(String moveType, String ref) {
        return List.of(List.of("move_type", "=", moveType), List.of("ref", "=", ref));
    }

    /**
     * The {@code res.currency} ids of the ISO codes the move and its lines name, archived currencies included (Odoo then
     * refuses to post, saying so), in one call.
     */
    private Uni<Map<String, Long>> currencyIds(MoveRequest move) {
        return currencyIds(List.of(move));
    }

    /** {@link #currencyIds(MoveRequest)} of many moves, in one call. */
    private Uni<Map<String, Long>> currencyIds(List<MoveRequest> moves) {
        Set<String> codes = new TreeSet<>();
        for (MoveRequest move : moves) {
            if (move.currency() != null) {
                codes.add(move.currency());
            }
            move.lines().stream().filter(line -> line.currency() != null).forEach(line -> codes.add(line.currency()));
        }
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<?> domain = List.of(List.of("name", "in", List.copyOf(codes)), List.of("active", "in", List.of(true,
                false)));
        return once().searchRead("res.currency", domain, List.of("id", "name"), 0, 0, "id").map(rows -> {
            Map<String, Long> ids = new LinkedHashMap<>();
            rows.forEach(row -> ids.putIfAbsent(row.path("name").asText(), row.path("id").asLong()));
            for (String code : codes) {
                if (!ids.containsKey(code)) {
                    throw new OdooMissingException("odoo.exceptions.MissingError", "res.currency " + code
                            + " not found");
                }
            }
            return ids;
        });
    }

    static MoveResult move(JsonNode row) {
        JsonNode currency = row.path("currency_id");
        JsonNode reversed = row.path("reversed_entry_id");
        return new MoveResult(row.path("id").asLong(), row.path("name").asText(), row.path("state").asText(),
                row.path("move_type").asText(), Rows.text(row.path("ref")), row.path("amount_total").decimalValue(),
                currency.isArray() ? currency.path(1).asText() : null,
                reversed.isArray() ? reversed.path(0).asLong() : null);
    }

    private OdooCalls once() {
        return client.once();
    }
}
