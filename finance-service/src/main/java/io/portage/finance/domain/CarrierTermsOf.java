package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the audit holds a carrier's invoice lines against besides its rate cards: the tolerance (the configured default
 * with the carrier's overrides), its fuel surcharges by start date and the accessorials it may charge.
 */
public record CarrierTermsOf(String carrier, Tolerance tolerance, List<FuelSurcharge> fuelSurcharges,
        Map<String, AgreedAccessorial> accessorials) {

    public CarrierTermsOf {
        fuelSurcharges = fuelSurcharges.stream().sorted(Comparator.comparing(FuelSurcharge::validFrom)).toList();
        accessorials = Map.copyOf(accessorials);
    }

    public static CarrierTermsOf of(String carrier, Tolerance tolerance, List<FuelSurcharge> fuel,
            List<AgreedAccessorial> accessorials) {
        return new CarrierTermsOf(carrier, tolerance, fuel,
                accessorials.stream().collect(Collectors.toMap(AgreedAccessorial::code, Function.identity(), (a, b) -> b)));
    }

    /** The fuel surcharge percent in force on {@code day}: the latest that started on or before it, zero before any. */
    public BigDecimal fuelPercentOn(LocalDate day) {
        BigDecimal percent = BigDecimal.ZERO;
        for (FuelSurcharge surcharge : fuelSurcharges) {
            if (surcharge.validFrom().isAfter(day)) {
                break;
            }
            percent = surcharge.percent();
        }
        return percent;
    }

    /** The agreed price of an accessorial in {@code currency}, if the carrier may charge it. */
    public Optional<BigDecimal> accessorial(String code, String currency) {
        AgreedAccessorial agreed = accessorials.get(code);
        return agreed != null && agreed.currency().equals(currency) ? Optional.of(agreed.amount()) : Optional.empty();
    }
}
