package io.portage.stack;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's evening in finance: the dispatched orders' customer invoices released into Odoo, each label's freight
 * accrued there, the carrier's invoice file audited in a batch (matched lines billed, the accrual reversed, an
 * overcharge and an unknown tracking number disputed for finance), the reconciliation report and one order's margin.
 */
final class FinanceStep {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private final Launcher launcher;
    private final DemoHttp web;
    private final String financeToken;

    FinanceStep(Launcher launcher, DemoHttp web, String financeToken) {
        this.launcher = launcher;
        this.web = web;
        this.financeToken = financeToken;
    }

    void play(String run, List<ParcelDay.Dispatched> dispatched) {
        System.out.println("\n8. Finance closes the day (finance-service, every posting in Odoo traceable to its events):");
        if (dispatched.isEmpty()) {
            System.out.println("   (nothing was dispatched)");
            return;
        }
        if (launcher.realOdoo().isPresent()) {
            System.out.println("   Against a real Odoo the demo posts no invoices, accruals or bills: the carrier's vendor and"
                    + " accounts are the company's to set up (docs/odoo.md).");
            return;
        }
        String finance = launcher.url("finance-service") + "/api/v1";
        for (ParcelDay.Dispatched parcel : dispatched) {
            JsonNode invoice = web.await(finance + "/order-invoices/" + parcel.orderId(), financeToken,
                    body -> "INVOICED".equals(body.path("status").asText()), WAIT, "the invoice of order " + parcel.orderId());
            JsonNode charge = web.await(finance + "/carrier-charges?carrier=" + parcel.carrier() + "&trackingNumber="
                    + parcel.trackingNumber(), financeToken,
                    body -> "POSTED".equals(body.path(0).path("accrualStatus").asText()), WAIT,
                    "the accrual of " + parcel.trackingNumber()).path(0);
            System.out.printf(Locale.ROOT,
                    "   order %s: invoice posted in Odoo (account.move %s, trigger %s); freight %s %.2f accrued, move %d%n",
                    parcel.orderId().substring(0, 8), invoice.path("invoiceIds").asText(),
                    invoice.path("triggerKind").asText(), charge.path("currency").asText(),
                    charge.path("amount").decimalValue(), charge.path("accrualMoveId").asLong());
        }
        // The return comes once its order is invoiced: finance refuses a refund of an order without an invoice (it
        // does not yet wait for one; see finance-service's README).
        new ParcelDay(launcher, web, financeToken).giveBack(dispatched.get(0));
        String carrier = dispatched.get(0).carrier();
        agree(carrier, dispatched);
        JsonNode report = audit(run, carrier, dispatched);
        System.out.println("   reconciliation report (outcome, class, lines, billed, re-rated):");
        for (JsonNode total : report.path("totals")) {
            System.out.printf(Locale.ROOT, "     %-9s %-17s %2d lines  %s %8.2f  %s%n", total.path("outcome").asText(),
                    total.path("disputeClass").asText("-"), total.path("lines").asInt(), total.path("currency").asText(),
                    total.path("billed").decimalValue(),
                    total.path("expected").isNumber()
                            ? String.format(Locale.ROOT, "%.2f", total.path("expected").decimalValue())
                            : "-");
        }
        for (JsonNode invoice : report.path("invoices")) {
            System.out.printf("   invoice %s: %s, %d matched lines billed in Odoo as %s; %d disputed%n",
                    invoice.path("invoiceNumber").asText(), invoice.path("status").asText(),
                    invoice.path("matchedLines").asInt(), invoice.path("odooBill").asText("-"),
                    invoice.path("disputedLines").asInt());
        }
        for (JsonNode dispute : report.path("disputes")) {
            System.out.printf(Locale.ROOT, "   disputed for finance: line %d %s %s (billed %.2f)%n",
                    dispute.path("lineNumber").asInt(), dispute.path("trackingNumber").asText(),
                    dispute.path("disputeClass").asText(), dispute.path("billed").decimalValue());
        }
        ParcelDay.Dispatched first = dispatched.get(0);
        JsonNode reversed = web
                .await(finance + "/carrier-charges?carrier=" + carrier + "&trackingNumber=" + first.trackingNumber(),
                        financeToken, body -> body.path(0).path("reversalMoveId").isNumber(), WAIT,
                        "the reversal of " + first.trackingNumber())
                .path(0);
        System.out.printf("   %s's accrual (move %d) reversed by move %d once its line was billed%n", first.trackingNumber(),
                reversed.path("accrualMoveId").asLong(), reversed.path("reversalMoveId").asLong());
        JsonNode refund = web.await(finance + "/refunds?status=CREDITED&limit=1000", financeToken,
                body -> find(body, first.orderId()) != null, WAIT, "the refund of order " + first.orderId());
        System.out.printf(Locale.ROOT,
                "   its return received resellable -> refund %s %.2f (at most 500 needs no approver): credit"
                        + " note %s in Odoo%n",
                find(refund, first.orderId()).path("currency").asText(),
                find(refund, first.orderId()).path("amount").decimalValue(),
                find(refund, first.orderId()).path("creditNoteName").asText());
        payouts(run, dispatched);
        JsonNode margin = web.get(finance + "/margins?orderId=" + first.orderId(), financeToken).body().path(0);
        System.out.printf(Locale.ROOT,
                "   margin of order %s: revenue %s %.2f - credited %.2f - carrier %.2f - payment fees %.2f%s = %.2f%n",
                first.orderId().substring(0, 8), margin.path("currency").asText(), margin.path("revenue").decimalValue(),
                margin.path("credited").decimalValue(), margin.path("carrierCost").decimalValue(),
                margin.path("paymentFees").decimalValue(),
                margin.path("paymentFeesKnown").asBoolean() ? "" : " (fees not known)",
                margin.path("margin").decimalValue());
    }

    /**
     * The payment provider's balance transactions of the day (Stripe's export columns): each dispatched order's charge
     * with its fee (2.9 % + 0.30), the first order's refund, and the payout; the fees then count in the margins.
     */
    private void payouts(String run, List<ParcelDay.Dispatched> dispatched) {
        String finance = launcher.url("finance-service") + "/api/v1";
        String created = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        StringBuilder csv = new StringBuilder(
                "id,type,source,amount,fee,net,currency,created,reporting_category,payout,order_id (metadata)\n");
        BigDecimal paidOut = BigDecimal.ZERO;
        int n = 0;
        for (ParcelDay.Dispatched parcel : dispatched) {
            n++;
            BigDecimal amount = web.get(finance + "/margins?orderId=" + parcel.orderId(), financeToken)
                    .body()
                    .path(0)
                    .path("revenue")
                    .decimalValue();
            BigDecimal fee = amount.multiply(new BigDecimal("0.029"))
                    .add(new BigDecimal("0.30"))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            paidOut = paidOut.add(amount).subtract(fee);
            csv.append(String.join(",", "txn_" + run + "_" + n, "charge", "ch_" + run + "_" + n, amount.toPlainString(),
                    fee.toPlainString(), amount.subtract(fee).toPlainString(), "usd", created, "charge", "po_" + run,
                    parcel.orderId())).append('\n');
        }
        BigDecimal refunded = web.get(finance + "/margins?orderId=" + dispatched.get(0).orderId(), financeToken)
                .body()
                .path(0)
                .path("credited")
                .decimalValue();
        paidOut = paidOut.subtract(refunded);
        csv.append(String.join(",", "txn_" + run + "_r", "refund", "re_" + run, refunded.negate().toPlainString(), "0.00",
                refunded.negate().toPlainString(), "usd", created, "refund", "po_" + run, dispatched.get(0).orderId()))
                .append('\n');
        csv.append(String.join(",", "txn_" + run + "_p", "payout", "po_" + run, paidOut.negate().toPlainString(), "0.00",
                paidOut.negate().toPlainString(), "usd", created, "payout", "", "")).append('\n');
        DemoHttp.Reply imported = web.send(HttpRequest.newBuilder(URI.create(finance + "/payouts"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + financeToken)
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build());
        if (imported.status() != 201 && imported.status() != 200) {
            throw new IllegalStateException("The payouts export was refused: " + imported.status() + " " + imported.body());
        }
        System.out.printf(Locale.ROOT,
                "   the payment provider's export (%d charges, a refund, payout USD %.2f) -> %d: %d matched to"
                        + " invoiced orders, %d unmatched%n",
                dispatched.size(), paidOut, imported.status(),
                imported.body().path("matched").asInt(), imported.body().path("unmatched").asInt());
    }

    private static JsonNode find(JsonNode refunds, String orderId) {
        for (JsonNode refund : refunds) {
            if (orderId.equals(refund.path("orderId").asText())) {
                return refund;
            }
        }
        return null;
    }

    /**
     * What finance agreed with the carrier: its vendor in Odoo, and a rate card per lane (USD 2.50 per kg, at least
     * 4.00) for the lanes the day shipped on. Cards of earlier runs stay (a lane holds one card for a day: 409).
     */
    private void agree(String carrier, List<ParcelDay.Dispatched> dispatched) {
        JsonNode found = OdooStep.execute(web, launcher, "res.partner", "search_read",
                List.of(List.of(List.of("name", "=", carrier.toUpperCase(Locale.ROOT))), List.of("id")));
        long vendor = found.size() > 0
                ? found.path(0).path("id").asLong()
                : OdooStep.execute(web, launcher, "res.partner", "create",
                        List.of(Map.of("name", carrier.toUpperCase(Locale.ROOT), "is_company", true))).asLong();
        DemoHttp.Reply terms = web.put(launcher.url("finance-service") + "/api/v1/carrier-terms/" + carrier, financeToken,
                "{\"odooPartnerId\":" + vendor + "}");
        if (terms.status() != 200) {
            throw new IllegalStateException("Carrier terms refused: " + terms.status() + " " + terms.body());
        }
        for (String country : dispatched.stream().map(ParcelDay.Dispatched::country).distinct().toList()) {
            DemoHttp.Reply card = web.post(launcher.url("finance-service") + "/api/v1/rate-cards", financeToken, """
                    {"carrier":"%s","originCountry":"NL","destinationCountry":"%s","currency":"USD",
                     "minimumCharge":4.00,"pricePerKg":2.50,"validFrom":"%s"}""".formatted(carrier, country,
                    LocalDate.now(ZoneOffset.UTC).minusDays(30)), null);
            if (card.status() != 201 && card.status() != 409) {
                throw new IllegalStateException("Rate card refused: " + card.status() + " " + card.body());
            }
        }
        System.out.printf("   finance agreed %s's terms: vendor %d in Odoo, USD 2.50/kg (at least 4.00) from NL%n", carrier,
                vendor);
    }

    /** The carrier's invoice for the day: every label at its price but one overcharged, and a number it never sold. */
    private JsonNode audit(String run, String carrier, List<ParcelDay.Dispatched> dispatched) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String number = "INV-" + run;
        StringBuilder csv = new StringBuilder("carrier,invoice_number,invoice_date,currency,line,tracking_number,ship_date,"
                + "origin,destination,service,declared_weight_kg,billed_weight_kg,freight,fuel,accessorials,total\n");
        int line = 0;
        for (ParcelDay.Dispatched parcel : dispatched) {
            line++;
            BigDecimal freight = line == 2 ? parcel.cost().add(new BigDecimal("4.00")) : parcel.cost();
            csv.append(String.join(",", carrier, number, today, parcel.currency(), Integer.toString(line),
                    parcel.trackingNumber(), today, "NL", parcel.country(), "GROUND", "2", "2", freight.toPlainString(),
                    "0.00", "", freight.toPlainString())).append('\n');
        }
        csv.append(String.join(",", carrier, number, today, "USD", Integer.toString(line + 1), "PARCELCO1Z9" + run, today,
                "NL", "DE", "GROUND", "2", "2", "5.00", "0.00", "", "5.00")).append('\n');
        DemoHttp.Reply batch = web.send(HttpRequest
                .newBuilder(URI.create(launcher.url("finance-service") + "/api/v1/carrier-invoice-batches"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + financeToken)
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build());
        if (batch.status() != 202 && batch.status() != 200) {
            throw new IllegalStateException("The carrier invoice file was refused: " + batch.status() + " " + batch.body());
        }
        String id = batch.body().path("id").asText();
        System.out.printf("   %s's invoice %s (%d lines, CSV) imported as batch %s -> %d; audited against the rate cards:%n",
                carrier, number, line + 1, id.substring(0, 8), batch.status());
        return web.await(launcher.url("finance-service") + "/api/v1/carrier-invoice-batches/" + id + "/report", financeToken,
                body -> "DONE".equals(body.path("status").asText()), WAIT, "batch " + id);
    }

}
