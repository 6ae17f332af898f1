package io.portage.edge;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portage.edge.domain.AccessKey;
import io.portage.edge.domain.AccessRole;
import io.portage.edge.repository.KeyFile;

/**
 * {@code keys create|revoke|list}: a warehouse admin's tool for the agent's keys file, run on the box itself. A new key
 * is printed once, on standard output alone (so {@code key=$(... keys create scanner-7)} takes it), and only its
 * SHA-256 is kept.
 */
final class KeysCommand {

    static final String NAME = "keys";
    static final String FILE_VARIABLE = "PORTAGE_EDGE_AUTH_KEYS_FILE";
    static final String DEFAULT_FILE = "config/edge-agent.keys";

    private static final String USAGE = """
            Usage: java -jar quarkus-run.jar keys <command> [--file <keys file>]
              create <name> [--operator]  a new key for a device or an integration (or, with --operator, for an
                                          operator: status, dead letters, replay); printed once, only its hash is kept
              revoke <name>               removes the key: the agent refuses it from its next request or line
              list                        the names, roles and creation times (never a key)
            The keys file is --file, else $PORTAGE_EDGE_AUTH_KEYS_FILE, else config/edge-agent.keys (relative to the
            working directory), the file the agent reads (portage.edge.auth.keys-file). Names: letters, digits, '.',
            '_' and '-', at most 64.""";

    private KeysCommand() {
    }

    /** Runs the command; answers the exit status (0 done, 1 refused, 2 usage). */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        String file = environment.getOrDefault(FILE_VARIABLE, DEFAULT_FILE);
        boolean operator = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> {
                    if (i + 1 == args.length) {
                        return usage(err, "--file needs a path");
                    }
                    file = args[++i];
                }
                case "--operator" -> operator = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            return usage(err, "no command");
        }
        KeyFile keys = new KeyFile(Path.of(file));
        try {
            switch (words.get(0)) {
                case "create" -> {
                    if (words.size() != 2) {
                        return usage(err, "create takes one name");
                    }
                    AccessRole role = operator ? AccessRole.OPERATOR : AccessRole.DEVICE;
                    String key = keys.create(words.get(1), role, Instant.now().truncatedTo(ChronoUnit.SECONDS));
                    out.println(key);
                    err.printf("Created %s key %s in %s. It is shown this once: give it to its holder now.%n", role.word(),
                            words.get(1), keys.path().toAbsolutePath());
                    return 0;
                }
                case "revoke" -> {
                    if (words.size() != 2) {
                        return usage(err, "revoke takes one name");
                    }
                    if (!keys.revoke(words.get(1))) {
                        err.printf("No key named %s in %s%n", words.get(1), keys.path().toAbsolutePath());
                        return 1;
                    }
                    err.printf("Revoked %s in %s%n", words.get(1), keys.path().toAbsolutePath());
                    return 0;
                }
                case "list" -> {
                    if (words.size() != 1) {
                        return usage(err, "list takes no name");
                    }
                    for (AccessKey key : keys.read().keys()) {
                        out.printf("%-24s %-8s %s%n", key.name(), key.role().word(), key.created());
                    }
                    return 0;
                }
                default -> {
                    return usage(err, "unknown command " + words.get(0));
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("keys: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("keys: " + problem);
        err.println(USAGE);
        return 2;
    }
}
