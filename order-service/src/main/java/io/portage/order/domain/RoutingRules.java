package io.portage.order.domain;

import java.util.List;
import java.util.Optional;

/**
 * Decides who fulfils an order: the first rule whose warehouse, channel and partner all match (an empty one matches
 * anything) names a 3PL; with no matching rule the warehouse's own WMS fulfils it.
 */
public record RoutingRules(List<Rule> rules) {

    /** Orders of this warehouse (and channel, and partner, when given) go to this 3PL partner. */
    public record Rule(Optional<String> warehouse, Optional<String> channel, Optional<String> partner,
            String thirdParty) {

        boolean matches(String orderWarehouse, String orderChannel, String orderPartner) {
            return warehouse.map(orderWarehouse::equals).orElse(true)
                    && channel.map(orderChannel::equals).orElse(true)
                    && partner.map(orderPartner::equals).orElse(true);
        }
    }

    public RoutingRules {
        rules = List.copyOf(rules);
    }

    public Fulfiller route(String warehouse, String channel, String partner) {
        return rules.stream()
                .filter(rule -> rule.matches(warehouse, channel, partner))
                .findFirst()
                .map(rule -> Fulfiller.thirdParty(rule.thirdParty()))
                .orElseGet(() -> Fulfiller.warehouse(warehouse));
    }
}
