package io.portage.shipment.carriers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import io.portage.partners.standin.FreightStandin;
import io.portage.partners.standin.ParcelApiStandin;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the carriers the tests rate, label and track with, and points shipment-service at them: two parcel APIs
 * ({@code parcelco}, the cheaper, and {@code swiftpost}) and the freight carrier {@code freightline}.
 */
public class CarrierStandins implements QuarkusTestResourceLifecycleManager {

    public static ParcelApiStandin parcelco;
    public static ParcelApiStandin swiftpost;
    public static FreightStandin freightline;

    @Override
    public Map<String, String> start() {
        try {
            parcelco = new ParcelApiStandin("parcelco", "test-key-parcelco", new BigDecimal("4.00"));
            swiftpost = new ParcelApiStandin("swiftpost", "test-key-swiftpost", new BigDecimal("6.00"));
            freightline = new FreightStandin("FL-ACCOUNT-7");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("portage.carriers.parcelco.url", parcelco.url(), "portage.carriers.swiftpost.url", swiftpost.url(),
                "portage.carriers.freightline.url", freightline.url());
    }

    /** Every stand-in prompt and willing again. */
    public static void reset() {
        parcelco.reset();
        swiftpost.reset();
        freightline.reset();
    }

    @Override
    public void stop() {
        parcelco.stop();
        swiftpost.stop();
        freightline.stop();
    }
}
