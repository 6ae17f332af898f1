package io.portage.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The podman command as it runs on the project's machines (docs/deploy.md, STACK.md): the runc runtime, cgroupfs and
 * a containers.conf without default ulimits, which an unprivileged nested container may not raise.
 */
final class Podman {

    private final Path executable;
    private final Path containersConf;

    private Podman(Path executable, Path containersConf) {
        this.executable = executable;
        this.containersConf = containersConf;
    }

    /** podman from the PATH, with its containers.conf written into {@code work}; empty when it is not installed. */
    static Optional<Podman> find(Path work) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, "podman");
            if (Files.isExecutable(candidate)) {
                Files.createDirectories(work);
                Path conf = work.resolve("containers.conf");
                Files.writeString(conf, "[containers]\ndefault_ulimits = []\n");
                return Optional.of(new Podman(candidate, conf));
            }
        }
        return Optional.empty();
    }

    /** Runs {@code podman <args>} and returns its standard output; fails with its output when it fails. */
    String run(String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--runtime", "runc", "--cgroup-manager",
                "cgroupfs"));
        command.addAll(List.of(args));
        return Command.run(command, Map.of("CONTAINERS_CONF", containersConf.toString()));
    }

    /** Like {@link #run} but never fails (empty output when it did): for what may not be there. */
    String quietly(String... args) {
        try {
            return run(args);
        } catch (RuntimeException absent) {
            return "";
        }
    }
}
