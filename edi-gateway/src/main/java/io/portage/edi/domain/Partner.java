package io.portage.edi.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated trading partner: who it is in X12 (version, qualifier, id), what it exchanges, how its elements are
 * mapped, where its SFTP server is and how patient Portage is with it.
 */
public record Partner(
        String id,
        PartnerRole role,
        X12Version version,
        X12Party party,
        String applicationId,
        Set<DocumentType> documents,
        Map<String, String> mappings,
        SftpEndpoint sftp,
        Duration pollEvery,
        Duration ackWithin,
        long maxFileBytes,
        TransportPolicy transport,
        Ta1Policy ta1) {

    public Partner {
        documents = Set.copyOf(documents);
        mappings = Map.copyOf(mappings);
    }

    public boolean exchanges(DocumentType type) {
        return documents.contains(type);
    }

    /** The partner's value for a mapping key, e.g. {@code sku.SKU-CHAIR-01}; empty when the partner maps nothing. */
    public Optional<String> mapping(String key) {
        return Optional.ofNullable(mappings.get(key));
    }

    /** The partner's value for {@code key}, or {@code fallback}. */
    public String mapping(String key, String fallback) {
        return mappings.getOrDefault(key, fallback);
    }

    /**
     * The partner's own X12 codes beside the built-in lists: {@code mappings.codes.<set>.<segment><element>}, and the
     * 944 W13-03 receiving condition codes it maps ({@code mappings.condition.<code>}).
     */
    public Map<String, Set<String>> codeLists() {
        Map<String, Set<String>> lists = new HashMap<>();
        mappings.forEach((key, value) -> {
            if (key.startsWith("codes.")) {
                lists.put(key.substring(6), Arrays.stream(value.split(","))
                        .map(String::trim)
                        .collect(Collectors.toSet()));
            }
        });
        lists.put("944.W1303.413", mappings.keySet()
                .stream()
                .filter(key -> key.startsWith("condition."))
                .map(key -> key.substring(10))
                .collect(Collectors.toSet()));
        return lists;
    }

    /** Portage's SKU for the partner's product code ({@code sku.<SKU>} mapped back), else the code itself. */
    public String skuOf(String productId) {
        return mappings.entrySet()
                .stream()
                .filter(entry -> entry.getKey().startsWith("sku.") && entry.getValue().equals(productId))
                .map(entry -> entry.getKey().substring(4))
                .findFirst()
                .orElse(productId);
    }

    /** An SFTP server and the partner's two folders on it. */
    public record SftpEndpoint(String host, int port, String user, String privateKey, String hostKey, String outbound,
            String inbound, Duration timeout) {

        /** {@code host:port}, the unit the circuit breaker guards. */
        public String server() {
            return host + ":" + port;
        }
    }

    /** When Portage answers the partner's interchanges with a TA1. */
    public record Ta1Policy(boolean whenRequested, boolean onEnvelopeError) {
    }

    /** Retries with backoff and a circuit breaker per partner server. */
    public record TransportPolicy(int attempts, Duration backoff, int breakerFailures, Duration breakerOpenFor) {
    }
}
