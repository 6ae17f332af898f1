package io.portage.edi.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code portage.edi.*}: Portage's own interchange identity and, under {@code partners.<id>}, each trading partner as
 * data. Partner values are all optional here on purpose: {@code PartnerDirectory} validates them together at start-up
 * and names every wrong or missing key at once.
 */
@ConfigMapping(prefix = "portage.edi")
public interface EdiConfig {

    /** Portage as an interchange party (ISA05/06 or ISA07/08, GS02 or GS03). */
    Sender sender();

    /** ISA15: {@code P} production, {@code T} test. */
    @WithDefault("P")
    String usage();

    /** How often the dispatcher looks for files to push and acknowledgements overdue. */
    @WithDefault("1s")
    Duration dispatchEvery();

    /** How often overdue 997s are looked for. */
    @WithDefault("30s")
    Duration ackCheckEvery();

    Map<String, PartnerConfig> partners();

    /** Portage's interchange identity. */
    interface Sender {

        @WithDefault("ZZ")
        String qualifier();

        @WithDefault("PORTAGE")
        String id();

        @WithDefault("PORTAGE")
        String applicationId();
    }

    /** One trading partner. */
    interface PartnerConfig {

        Optional<String> role();

        Optional<String> x12Version();

        Optional<String> qualifier();

        Optional<String> id();

        Optional<String> applicationId();

        Optional<List<String>> documents();

        /** Element mappings: {@code sku.<Portage SKU>}, {@code uom}, {@code product-qualifier}, {@code warehouse.<code>}, ... */
        Map<String, String> mappings();

        Sftp sftp();

        Optional<Duration> pollEvery();

        Optional<Duration> ackWithin();

        Optional<Long> maxFileBytes();

        Optional<Integer> attempts();

        Optional<Duration> backoff();

        Optional<Integer> breakerFailures();

        Optional<Duration> breakerOpenFor();

        /** When Portage answers an interchange with a TA1. */
        Ta1 ta1();
    }

    /** TA1 interchange acknowledgements to a partner. */
    interface Ta1 {

        /** When the partner's ISA14 is 1 (default true). */
        Optional<Boolean> whenRequested();

        /** When the partner's envelope is bad, ISA/IEA control numbers or counts not matching (default false). */
        Optional<Boolean> onEnvelopeError();
    }

    /** The partner's SFTP server and folders. */
    interface Sftp {

        Optional<String> host();

        Optional<Integer> port();

        Optional<String> user();

        /** Path of the OpenSSH private key Portage authenticates with. */
        Optional<String> privateKey();

        /** The server's host key fingerprint ({@code SHA256:...}); a server presenting another key is refused. */
        Optional<String> hostKey();

        /** Where Portage puts files for the partner. */
        Optional<String> outbound();

        /** Where the partner puts files for Portage. */
        Optional<String> inbound();

        Optional<Duration> timeout();
    }
}
