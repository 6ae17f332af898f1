package io.portage.yard.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.AppointmentStatus;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.ReceiptLine;
import io.portage.yard.domain.Visit;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.repository.ReceiptLineRepository;
import io.portage.yard.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A site's appointment adherence and waiting on a (UTC) day: appointments on time (arrived by the slot's start), late,
 * no-show, cancelled and still expected; and the wait from arrival to the start of loading or unloading of their
 * visits (average and longest, in minutes).
 */
@ApplicationScoped
public class YardMeasures {

    private final AppointmentRepository appointments;
    private final VisitRepository visits;
    private final ReceiptLineRepository receipts;

    public YardMeasures(AppointmentRepository appointments, VisitRepository visits, ReceiptLineRepository receipts) {
        this.appointments = appointments;
        this.visits = visits;
        this.receipts = receipts;
    }

    /** The measures of one day. */
    public record Measures(String site, LocalDate date, int appointments, int onTime, int late, int noShow, int cancelled,
            int expected, Long averageWaitMinutes, Long longestWaitMinutes, int receiptsInOdoo,
            Long averageReceiptLagMinutes, Long longestReceiptLagMinutes) {
    }

    public Uni<Measures> onDay(String site, LocalDate date) {
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        return Panache.withSession(() -> appointments.list("site = ?1 and slotStart >= ?2 and slotStart < ?3", site, from, to)
                .chain(booked -> {
                    List<UUID> ids = booked.stream().map(DockAppointment::id).toList();
                    Uni<List<Visit>> linked = ids.isEmpty()
                            ? Uni.createFrom().item(List.of())
                            : visits.list("appointmentId in ?1", ids).map(list -> list.stream().map(visits::visit).toList());
                    return linked.chain(visited -> receipts.appliedBetween(site, from, to)
                            .map(applied -> measures(site, date, booked, visited, applied)));
                }));
    }

    private static Measures measures(String site, LocalDate date, List<DockAppointment> booked, List<Visit> visited,
            List<ReceiptLine> applied) {
        int onTime = 0;
        int late = 0;
        int noShow = 0;
        int cancelled = 0;
        int expected = 0;
        for (DockAppointment appointment : booked) {
            if (appointment.status() == AppointmentStatus.NO_SHOW) {
                noShow++;
            } else if (appointment.status() == AppointmentStatus.CANCELLED) {
                cancelled++;
            } else if (appointment.arrivedAt() == null) {
                expected++;
            } else if (appointment.arrivedAt().isAfter(appointment.slot().start())) {
                late++;
            } else {
                onTime++;
            }
        }
        List<Long> waits = visited.stream()
                .filter(v -> v.arrivedAt() != null && v.workStarted() != null)
                .map(v -> Duration.between(v.arrivedAt(), v.workStarted()).toMinutes())
                .filter(Objects::nonNull)
                .toList();
        // Receipt lag: from the last line of a receipt counted at the dock to its receipt validated in Odoo.
        List<Long> lags = applied.stream()
                .collect(Collectors.groupingBy(ReceiptLine::receiptId))
                .values()
                .stream()
                .map(lines -> Duration.between(lines.stream().map(ReceiptLine::confirmedAt).max(Instant::compareTo).get(),
                        lines.stream().map(ReceiptLine::appliedAt).min(Instant::compareTo).get()).toMinutes())
                .toList();
        return new Measures(site, date, booked.size(), onTime, late, noShow, cancelled, expected, average(waits),
                longest(waits), lags.size(), average(lags), longest(lags));
    }

    private static Long average(List<Long> minutes) {
        return minutes.isEmpty() ? null : Math.round(minutes.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    private static Long longest(List<Long> minutes) {
        return minutes.isEmpty() ? null : minutes.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
