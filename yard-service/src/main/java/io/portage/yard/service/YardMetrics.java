package io.portage.yard.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The yard's business measures as Prometheus metrics: {@code portage_yard_arrivals_total} by site and adherence
 * ({@code on_time}: by the slot's start, {@code late}), {@code portage_yard_no_shows_total} by site, and
 * {@code portage_yard_wait_seconds} (arrival to the start of loading or unloading) by site.
 */
@ApplicationScoped
public class YardMetrics {

    private final MeterRegistry registry;

    public YardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void arrival(String site, boolean onTime) {
        registry.counter("portage.yard.arrivals", "site", site, "adherence", onTime ? "on_time" : "late").increment();
    }

    void noShow(String site) {
        registry.counter("portage.yard.no_shows", "site", site).increment();
    }

    void atRisk(String site) {
        registry.counter("portage.yard.at_risk", "site", site).increment();
    }

    /** From the last line of a receipt counted at the dock to its receipt validated in Odoo (review included). */
    void receiptLag(String site, Duration lag) {
        registry.timer("portage.yard.receipt_lag", "site", site).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void waited(String site, Duration wait) {
        registry.timer("portage.yard.wait", "site", site).record(wait.isNegative() ? Duration.ZERO : wait);
    }
}
