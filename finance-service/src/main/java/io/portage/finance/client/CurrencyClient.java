package io.portage.finance.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.BookedAmounts;
import io.portage.odoo.connector.ops.ExchangeRate;
import io.portage.odoo.connector.ops.OdooOperations;
import io.smallrye.mutiny.Uni;

/**
 * Currencies in Odoo through the connector: the company's currency, Odoo's rate of a day by Odoo's rule, and what a
 * posted move booked in the company currency.
 */
@ApplicationScoped
public class CurrencyClient {

    private final OdooOperations odoo;

    public CurrencyClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** The ISO code of the company's currency. */
    public Uni<String> companyCurrency(long companyId) {
        return CallerContext.emitOnCaller(odoo.currencies().companyCurrency(companyId).map(currency -> currency.code()));
    }

    public Uni<ExchangeRate> rate(String currency, LocalDate day, long companyId) {
        return CallerContext.emitOnCaller(odoo.currencies().rate(currency, day, companyId));
    }

    public Uni<BookedAmounts> booked(long moveId, long companyId) {
        return CallerContext.emitOnCaller(odoo.currencies().booked(moveId, companyId));
    }

    /** What many posted moves booked, by move id, in four calls whatever their number. */
    public Uni<Map<Long, BookedAmounts>> booked(List<Long> moveIds, long companyId) {
        return CallerContext.emitOnCaller(odoo.currencies().booked(moveIds, companyId));
    }
}
