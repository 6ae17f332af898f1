package io.portage.yard.rest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.portage.kit.rest.ProblemException;
import io.portage.yard.domain.PurchaseOrderCheck;
import io.portage.yard.domain.SiteRules;

/**
 * The body of {@code PUT /ops/yard/sites/{site}} and its answer: a site's time zone, slot grid (15, 20 or 30 minutes),
 * opening hours per weekday, closed days, carriers' notice (minimum in minutes, maximum in days), the next-day cut-off
 * (local time the day before), its docks with their doors and the load types each door takes (none: every load), and
 * the purchase-order check of inbound bookings: the window around the slot an order must be planned in (hours, default
 * 24) and what a failed check does ({@code REFUSE}, the default, or {@code HOLD}: the booking waits, requested, for a
 * person), and the no-show grace period after a slot's start ({@code noShowGraceMinutes}, default 30).
 */
public record SiteDefinition(
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull Integer slotMinutes,
        @NotNull @Size(min = 1, max = 70) List<@NotNull @Valid Opening> openingHours,
        @Size(max = 400) List<@NotNull LocalDate> closedDays,
        @Min(0) @Max(43_200) Integer minNoticeMinutes,
        @Min(1) @Max(366) Integer maxNoticeDays,
        LocalTime nextDayCutoff,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid DockDefinition> docks,
        @Min(0) @Max(720) Integer purchaseOrderWindowHours,
        SiteRules.OnFailure purchaseOrderCheckFailure,
        @Min(0) @Max(1440) Integer noShowGraceMinutes) {

    /** Open on {@code day} from {@code opens} until {@code closes} (00:00: until midnight). */
    public record Opening(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    /** A dock and its doors. */
    public record DockDefinition(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,16}", message = "must be an upper-case dock code") String code,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid DoorDefinition> doors) {
    }

    /** A door and the load types it takes. */
    public record DoorDefinition(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,16}", message = "must be an upper-case door code") String code,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9-]{1,32}", message = "must be an upper-case load type code") String> loadTypes) {
    }

    SiteRules toRules() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a time zone id such as Europe/Berlin");
        }
        if (!SiteRules.GRIDS.contains(slotMinutes)) {
            throw ProblemException.invalid("slotMinutes", "must be one of 15, 20 or 30");
        }
        for (int i = 0; i < openingHours.size(); i++) {
            Opening open = openingHours.get(i);
            if (!open.closes().equals(LocalTime.MIDNIGHT) && !open.closes().isAfter(open.opens())) {
                throw ProblemException.invalid("openingHours[" + i + "].closes", "must be after opens (00:00: midnight)");
            }
        }
        Set<String> doorCodes = new HashSet<>();
        Set<String> dockCodes = new HashSet<>();
        for (int i = 0; i < docks.size(); i++) {
            if (!dockCodes.add(docks.get(i).code())) {
                throw ProblemException.invalid("docks[" + i + "].code", "is defined twice");
            }
            for (int j = 0; j < docks.get(i).doors().size(); j++) {
                if (!doorCodes.add(docks.get(i).doors().get(j).code())) {
                    throw ProblemException.invalid("docks[" + i + "].doors[" + j + "].code", "is defined twice at this site");
                }
            }
        }
        return new SiteRules(zone, slotMinutes,
                openingHours.stream().map(o -> new SiteRules.Opening(o.day(), o.opens(), o.closes())).toList(),
                closedDays == null ? List.of() : closedDays,
                minNoticeMinutes == null ? null : Duration.ofMinutes(minNoticeMinutes),
                maxNoticeDays == null ? null : Duration.ofDays(maxNoticeDays), nextDayCutoff,
                docks.stream()
                        .map(d -> new SiteRules.Dock(d.code(), d.doors()
                                .stream()
                                .map(door -> new SiteRules.Door(door.code(),
                                        door.loadTypes() == null ? List.of() : door.loadTypes()))
                                .toList()))
                        .toList(),
                new PurchaseOrderCheck(Duration.ofHours(purchaseOrderWindowHours == null ? 24 : purchaseOrderWindowHours),
                        purchaseOrderCheckFailure == null ? SiteRules.OnFailure.REFUSE : purchaseOrderCheckFailure),
                noShowGraceMinutes == null ? null : Duration.ofMinutes(noShowGraceMinutes));
    }

    static SiteDefinition of(SiteRules rules) {
        return new SiteDefinition(rules.timeZone().getId(), rules.slotMinutes(),
                rules.openingHours().stream().map(o -> new Opening(o.day(), o.opens(), o.closes())).toList(),
                rules.closedDays(), rules.minNotice() == null ? null : (int) rules.minNotice().toMinutes(),
                rules.maxNotice() == null ? null : (int) rules.maxNotice().toDays(), rules.nextDayCutoff(),
                rules.docks()
                        .stream()
                        .map(d -> new DockDefinition(d.code(),
                                d.doors().stream().map(door -> new DoorDefinition(door.code(), door.loadTypes())).toList()))
                        .toList(),
                (int) rules.poCheck().window().toHours(), rules.poCheck().onFailure(), (int) rules.noShowGrace().toMinutes());
    }
}
