package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.config.AuditConfig;
import io.portage.finance.domain.AgreedAccessorial;
import io.portage.finance.domain.CarrierTerms;
import io.portage.finance.domain.CarrierTermsOf;
import io.portage.finance.domain.FuelSurcharge;
import io.portage.finance.domain.Tolerance;
import io.portage.finance.repository.CarrierTermsRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Keeps carriers' terms (Odoo vendor, tolerance overrides, fuel surcharges, agreed accessorials) and reads them for the audit. */
@ApplicationScoped
public class CarrierTermsService {

    private static final TypeReference<List<FuelSurcharge>> FUEL = new TypeReference<>() {
    };
    private static final TypeReference<List<AgreedAccessorial>> ACCESSORIALS = new TypeReference<>() {
    };

    private final CarrierTermsRepository terms;
    private final AuditConfig config;
    private final FinanceJson json;
    private final Clock clock = Clock.systemUTC();

    public CarrierTermsService(CarrierTermsRepository terms, AuditConfig config, FinanceJson json) {
        this.terms = terms;
        this.config = config;
        this.json = json;
    }

    /** A carrier's terms as set, with the tolerance in force; also for a carrier without terms of its own. */
    public record Terms(String carrier, Long odooPartnerId, BigDecimal amountTolerance, BigDecimal percentTolerance,
            List<FuelSurcharge> fuelSurcharges, List<AgreedAccessorial> accessorials, Tolerance tolerance) {

        public CarrierTermsOf forAudit() {
            return CarrierTermsOf.of(carrier, tolerance, fuelSurcharges, accessorials);
        }
    }

    @WithSpan("CarrierTermsService.set")
    public Uni<Terms> set(@SpanAttribute("portage.carrier") String carrier, Long odooPartnerId, BigDecimal amountTolerance,
            BigDecimal percentTolerance, List<FuelSurcharge> fuel, List<AgreedAccessorial> accessorials, String actor) {
        String fuelJson = json.write(fuel);
        String accessorialsJson = json.write(accessorials);
        return Panache.withTransaction(() -> terms.findById(carrier).chain(found -> {
            CarrierTerms current = found != null ? found : new CarrierTerms(carrier);
            current.set(odooPartnerId, amountTolerance, percentTolerance, fuelJson, accessorialsJson, actor,
                    clock.instant());
            return found != null ? Uni.createFrom().item(current) : terms.persist(current);
        })).map(this::view);
    }

    public Uni<Terms> of(String carrier) {
        return Panache.withSession(() -> terms.findById(carrier)).map(found -> found != null ? view(found) : defaults(carrier));
    }

    /** The terms of a carrier in the caller's session (the auditor's transaction). */
    public Uni<Terms> inSession(String carrier) {
        return terms.findById(carrier).map(found -> found != null ? view(found) : defaults(carrier));
    }

    private Terms defaults(String carrier) {
        return new Terms(carrier, null, null, null, List.of(), List.of(),
                new Tolerance(config.amountTolerance(), config.percentTolerance()));
    }

    private Terms view(CarrierTerms row) {
        Tolerance tolerance = new Tolerance(config.amountTolerance(), config.percentTolerance())
                .overriddenBy(row.amountTolerance(), row.percentTolerance());
        return new Terms(row.carrier(), row.odooPartnerId(), row.amountTolerance(), row.percentTolerance(),
                json.read(row.fuelSurchargesJson(), FUEL), json.read(row.accessorialsJson(), ACCESSORIALS), tolerance);
    }

}
