package io.portage.shipment.domain.carrier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rate shopping: which carriers may take a shipment (their weight rules), and the rates that meet the service level
 * ranked by price, then promised days, then carrier; buying tries the best rate of each carrier in that order.
 */
public final class RateShop {

    private RateShop() {
    }

    /** A carrier's rules: the heaviest parcel it takes and the least total weight it takes a shipment for. */
    public record Rules(String carrier, BigDecimal maxParcelKg, BigDecimal minTotalKg) {

        /** Why this carrier cannot take the request, or null when it can. */
        public String refuses(RateRequest request) {
            if (request.heaviestParcelKg().compareTo(maxParcelKg) > 0) {
                return "a parcel of " + request.heaviestParcelKg().toPlainString() + " kg is over its "
                        + maxParcelKg.toPlainString()
                        + " kg";
            }
            if (request.totalWeightKg().compareTo(minTotalKg) < 0) {
                return request.totalWeightKg().toPlainString() + " kg in all is under its " + minTotalKg.toPlainString()
                        + " kg minimum";
            }
            return null;
        }
    }

    private static final Comparator<Rate> CHEAPEST_THEN_FASTEST = Comparator.comparing(Rate::amount)
            .thenComparingInt(Rate::promisedDays)
            .thenComparing(Rate::carrier)
            .thenComparing(Rate::service);

    /** The rates that meet the service level, cheapest first (then fastest, then by carrier and service). */
    public static List<Rate> rank(List<Rate> rates, ServiceLevel level) {
        return rates.stream().filter(rate -> level.allows(rate.promisedDays())).sorted(CHEAPEST_THEN_FASTEST).toList();
    }

    /** The best rate of each carrier, in ranked order: what buying tries, one carrier after the other. */
    public static List<Rate> bestPerCarrier(List<Rate> ranked) {
        Set<String> seen = new LinkedHashSet<>();
        List<Rate> best = new ArrayList<>();
        for (Rate rate : ranked) {
            if (seen.add(rate.carrier())) {
                best.add(rate);
            }
        }
        return best;
    }
}
