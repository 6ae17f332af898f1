package io.portage.shipment.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.shipment.config.CarrierConfig;
import io.portage.shipment.domain.carrier.Carrier;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/** The configured carriers ({@code portage.carriers.<name>.*}), each behind the adapter of its API's style. */
@ApplicationScoped
public class CarrierRegistry {

    private final Map<String, Carrier> carriers = new TreeMap<>();
    private final Map<String, CarrierConfig.Carrier> settings;

    public CarrierRegistry(CarrierConfig config, Vertx vertx, ObjectMapper json) {
        this.settings = config.carriers();
        config.carriers().forEach((name, carrier) -> {
            WebClient web = WebClient.create(vertx, new WebClientOptions().setName("carrier-" + name)
                    .setConnectTimeout((int) carrier.timeout().toMillis())
                    .setKeepAlive(true)
                    .setFollowRedirects(false));
            carriers.put(name, switch (carrier.style()) {
                case PARCEL_API -> new ParcelApiCarrier(name, carrier, web, json);
                case FREIGHT -> new FreightCarrier(name, carrier, web);
            });
        });
    }

    /** Every configured carrier, by name. */
    public List<Carrier> all() {
        return new ArrayList<>(carriers.values());
    }

    public Optional<Carrier> find(String code) {
        return Optional.ofNullable(carriers.get(code));
    }

    /** The configured rules and secrets of a carrier. */
    public CarrierConfig.Carrier settings(String code) {
        return settings.get(code);
    }
}
