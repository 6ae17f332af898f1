package io.portage.order.config;

import java.util.Comparator;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.portage.order.domain.RoutingRules;

/** The routing rules of {@code portage.orders.routing.*}, most specific first (then by name). */
@ApplicationScoped
public class RoutingProducer {

    @Produces
    @Singleton
    RoutingRules routingRules(OrderConfig config) {
        return new RoutingRules(config.routing()
                .entrySet()
                .stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, OrderConfig.Route> entry) -> -criteria(entry.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .map(entry -> new RoutingRules.Rule(entry.getValue().warehouse(), entry.getValue().channel(),
                        entry.getValue().partner(), entry.getValue().thirdParty()))
                .toList());
    }

    private static int criteria(OrderConfig.Route route) {
        return (route.warehouse().isPresent() ? 1 : 0) + (route.channel().isPresent() ? 1 : 0)
                + (route.partner().isPresent() ? 1 : 0);
    }
}
