package io.portage.edi.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.config.EdiConfig;
import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.PartnerRole;
import io.portage.edi.domain.ShipNoticeRules;
import io.portage.edi.domain.X12Party;
import io.portage.edi.domain.X12Version;
import io.quarkus.runtime.Startup;

/**
 * The trading partners configured under {@code portage.edi.partners}, validated once at start-up: a wrong or missing
 * key stops the service with every problem named by its key, never a half-configured partner at the first file.
 */
@Startup
@ApplicationScoped
public class PartnerDirectory {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9 ._-]{1,15}");
    private static final Pattern QUALIFIER = Pattern.compile("[0-9A-Z]{2}");
    /** What a 944's W13 receiving condition code may be mapped to ({@code mappings.condition.<code>}). */
    private static final List<String> CONDITIONS = List.of("DAMAGED", "OVERAGE", "SHORTAGE", "REJECTED");

    private final Map<String, Partner> partners;
    private final X12Party sender;
    private final String senderApplicationId;
    private final String usage;

    public PartnerDirectory(EdiConfig config) {
        List<String> problems = new ArrayList<>();
        this.sender = new X12Party(config.sender().qualifier(), config.sender().id());
        this.senderApplicationId = config.sender().applicationId();
        if (!QUALIFIER.matcher(sender.qualifier()).matches()) {
            problems.add("portage.edi.sender.qualifier: '" + sender.qualifier() + "' is not a two-character qualifier");
        }
        if (!ID.matcher(sender.id()).matches()) {
            problems.add("portage.edi.sender.id: '" + sender.id() + "' is not an interchange id (1-15 characters)");
        }
        this.usage = config.usage();
        if (!usage.equals("P") && !usage.equals("T")) {
            problems.add("portage.edi.usage: '" + usage + "' is neither P (production) nor T (test)");
        }
        Map<String, Partner> valid = new LinkedHashMap<>();
        config.partners().forEach((id, partner) -> read(id, partner, problems).ifPresent(p -> valid.put(id, p)));
        if (!problems.isEmpty()) {
            throw new PartnerConfigurationException(problems);
        }
        this.partners = Map.copyOf(valid);
    }

    public Collection<Partner> all() {
        return partners.values();
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /** The partner whose interchange id and qualifier are these (the sender of a received file). */
    public Optional<Partner> byParty(X12Party party) {
        return partners.values().stream().filter(partner -> partner.party().equals(party)).findFirst();
    }

    public X12Party sender() {
        return sender;
    }

    public String senderApplicationId() {
        return senderApplicationId;
    }

    /** ISA15. */
    public String usage() {
        return usage;
    }

    private static Optional<Partner> read(String id, EdiConfig.PartnerConfig config, List<String> problems) {
        int before = problems.size();
        Function<String, String> key = name -> "portage.edi.partners." + id + "." + name;
        PartnerRole role = parse(config.role(), key.apply("role"), problems,
                value -> PartnerRole.valueOf(value.toUpperCase().replace('-', '_')),
                "one of THIRD_PARTY_LOGISTICS, CUSTOMER, CARRIER");
        X12Version version = parse(config.x12Version(), key.apply("x12-version"), problems,
                value -> X12Version.ofRelease(value).orElseThrow(), "004010 or 005010");
        String qualifier = required(config.qualifier(), key.apply("qualifier"), problems, QUALIFIER,
                "a two-character interchange id qualifier (e.g. ZZ, 01, 12)");
        String partyId = required(config.id(), key.apply("id"), problems, ID, "an interchange id of 1-15 characters");
        Set<DocumentType> documents = EnumSet.noneOf(DocumentType.class);
        if (config.documents().isEmpty() || config.documents().get().isEmpty()) {
            problems.add(key.apply("documents") + ": missing (the X12 sets exchanged, e.g. 940,945,944)");
        } else {
            for (String code : config.documents().get()) {
                Optional<DocumentType> type = DocumentType.ofCode(code.trim());
                if (type.isEmpty()) {
                    problems.add(key.apply("documents") + ": '" + code + "' is not a document Portage exchanges "
                            + "(940, 945, 944, 856, 214, 210, 997)");
                } else if (role != null && !type.get().allowedFor(role)) {
                    problems.add(key.apply("documents") + ": a " + role + " does not exchange " + code);
                } else {
                    documents.add(type.get());
                }
            }
        }
        if (documents.contains(DocumentType.SHIP_NOTICE)) {
            try {
                ShipNoticeRules.of(config.mappings());
            } catch (IllegalArgumentException e) {
                e.getMessage().lines().map(key).forEach(problems::add);
            }
        }
        config.mappings().forEach((name, value) -> {
            if (name.startsWith("condition.") && !CONDITIONS.contains(value)) {
                problems.add(key.apply("mappings." + name) + ": '" + value + "' is not one of " + CONDITIONS);
            }
        });
        EdiConfig.Sftp sftp = config.sftp();
        String host = required(sftp.host(), key.apply("sftp.host"), problems, null, "the partner's SFTP host");
        int port = sftp.port().orElse(22);
        if (port < 1 || port > 65535) {
            problems.add(key.apply("sftp.port") + ": " + port + " is not a port");
        }
        String user = required(sftp.user(), key.apply("sftp.user"), problems, null, "the SFTP user");
        String privateKey = required(sftp.privateKey(), key.apply("sftp.private-key"), problems, null,
                "the path of the OpenSSH private key");
        if (privateKey != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(privateKey))) {
            problems.add(key.apply("sftp.private-key") + ": " + privateKey + " cannot be read");
        }
        String hostKey = required(sftp.hostKey(), key.apply("sftp.host-key"), problems, Pattern.compile("SHA256:.+"),
                "the server's host key fingerprint (SHA256:...)");
        String outbound = folder(sftp.outbound(), key.apply("sftp.outbound"), problems,
                documents.stream().anyMatch(type -> type.direction() != DocumentType.Direction.IN));
        String inbound = folder(sftp.inbound(), key.apply("sftp.inbound"), problems,
                documents.stream().anyMatch(type -> type.direction() != DocumentType.Direction.OUT));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Partner(id, role, version, new X12Party(qualifier, partyId),
                config.applicationId().orElse(partyId), documents, config.mappings(),
                new Partner.SftpEndpoint(host, port, user, privateKey, hostKey, outbound, inbound,
                        sftp.timeout().orElse(Duration.ofSeconds(30))),
                config.pollEvery().orElse(Duration.ofMinutes(1)), config.ackWithin().orElse(Duration.ofHours(4)),
                config.maxFileBytes().orElse(50L * 1024 * 1024),
                new Partner.TransportPolicy(config.attempts().orElse(3), config.backoff().orElse(Duration.ofSeconds(1)),
                        config.breakerFailures().orElse(5), config.breakerOpenFor().orElse(Duration.ofMinutes(1))),
                new Partner.Ta1Policy(config.ta1().whenRequested().orElse(true),
                        config.ta1().onEnvelopeError().orElse(false))));
    }

    private static <T> T parse(Optional<String> value, String key, List<String> problems, Function<String, T> parser,
            String expected) {
        if (value.isEmpty()) {
            problems.add(key + ": missing (" + expected + ")");
            return null;
        }
        try {
            return parser.apply(value.get().trim());
        } catch (RuntimeException e) {
            problems.add(key + ": '" + value.get() + "' is not " + expected);
            return null;
        }
    }

    private static String required(Optional<String> value, String key, List<String> problems, Pattern pattern,
            String expected) {
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(key + ": missing (" + expected + ")");
            return null;
        }
        if (pattern != null && !pattern.matcher(value.get()).matches()) {
            problems.add(key + ": '" + value.get() + "' is not " + expected);
            return null;
        }
        return value.get();
    }

    private static String folder(Optional<String> value, String key, List<String> problems, boolean needed) {
        if (value.isEmpty() && needed) {
            problems.add(key + ": missing (a folder on the partner's server)");
        }
        return value.orElse(null);
    }
}
