package io.portage.shipment.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Carriers configured the way the Helm chart configures them: environment variables only
 * ({@code PORTAGE_CARRIERS_<NAME>_<SETTING>}), each carrier's name a map key the service learns from them (SmallRye
 * Config matches the variables against the mapping; Quarkus's own duration format as at runtime).
 */
class CarrierEnvironmentTest {

    @Test
    void carriersAreReadFromEnvironmentVariablesAsTheChartSetsThem() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of(
                        "PORTAGE_CARRIERS_PARCELCO_STYLE", "PARCEL_API",
                        "PORTAGE_CARRIERS_PARCELCO_URL", "https://api.parcelco.example/v2",
                        "PORTAGE_CARRIERS_PARCELCO_API_KEY", "key-1",
                        "PORTAGE_CARRIERS_PARCELCO_WEBHOOK_SECRET", "whsec-1",
                        "PORTAGE_CARRIERS_PARCELCO_MAX_PARCEL_KG", "30",
                        "PORTAGE_CARRIERS_PARCELCO_BREAKER_DELAY", "1m",
                        "PORTAGE_CARRIERS_FREIGHTLINE_STYLE", "FREIGHT",
                        "PORTAGE_CARRIERS_FREIGHTLINE_URL", "https://trace.freightline.example",
                        "PORTAGE_CARRIERS_FREIGHTLINE_STALE_AFTER", "72h"), 300))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(CarrierConfig.class)
                .build();

        Map<String, CarrierConfig.Carrier> carriers = config.getConfigMapping(CarrierConfig.class).carriers();

        assertThat(carriers).containsOnlyKeys("parcelco", "freightline");
        CarrierConfig.Carrier parcel = carriers.get("parcelco");
        assertThat(parcel.style()).isEqualTo(CarrierConfig.Style.PARCEL_API);
        assertThat(parcel.url()).isEqualTo("https://api.parcelco.example/v2");
        assertThat(parcel.apiKey()).contains("key-1");
        assertThat(parcel.webhookSecret()).contains("whsec-1");
        assertThat(parcel.maxParcelKg()).isEqualByComparingTo(new BigDecimal("30"));
        assertThat(parcel.breaker().delay()).isEqualTo(Duration.ofMinutes(1));
        CarrierConfig.Carrier freight = carriers.get("freightline");
        assertThat(freight.style()).isEqualTo(CarrierConfig.Style.FREIGHT);
        assertThat(freight.staleAfter()).isEqualTo(Duration.ofHours(72));
        assertThat(freight.webhookSecret()).isEmpty();
    }
}
