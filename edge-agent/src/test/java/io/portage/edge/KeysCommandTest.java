package io.portage.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.edge.domain.AccessKey;
import io.portage.edge.domain.AccessRole;
import io.portage.edge.repository.KeyFile;

/** {@code keys create|revoke|list} as a warehouse admin runs it, without the agent. */
class KeysCommandTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    Run keys(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KeysCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aKeyIsPrintedOnceAndOnlyItsHashIsKept() throws Exception {
        Path file = dir.resolve("edge-agent.keys");
        Run created = keys(Map.of(), "create", "wms-1", "--file", file.toString());
        assertThat(created.status()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("pek_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown this once");
        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(key).contains("wms-1 device " + AccessKey.sha256Of(key));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");

        Run operator = keys(Map.of(KeysCommand.FILE_VARIABLE, file.toString()), "create", "alice", "--operator");
        assertThat(operator.status()).isZero();
        KeyFile keys = new KeyFile(file);
        assertThat(keys.read().find(key).map(AccessKey::name)).hasValue("wms-1");
        assertThat(keys.read().find(operator.out().strip()).map(AccessKey::role)).hasValue(AccessRole.OPERATOR);
        assertThat(keys("create", "wms-1", file).status()).as("a name taken").isEqualTo(1);
        assertThat(keys(Map.of(), "list", "--file", file.toString()).out()).contains("wms-1", "device", "alice", "operator")
                .doesNotContain(key);
    }

    @Test
    void aRevokedKeyIsGoneAndTheFileKeepsItsMode() throws Exception {
        Path file = dir.resolve("edge-agent.keys");
        String key = keys("create", "scanner-7", file).out().strip();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        assertThat(keys("revoke", "scanner-7", file).status()).isZero();
        assertThat(new KeyFile(file).read().find(key)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r-----");
        assertThat(keys("revoke", "scanner-7", file).status()).as("nothing to revoke").isEqualTo(1);
    }

    @Test
    void badUseIsAnsweredWithTheUsage() {
        assertThat(keys(Map.of()).status()).isEqualTo(2);
        assertThat(keys(Map.of(), "create").status()).isEqualTo(2);
        assertThat(keys(Map.of(), "rotate", "x").err()).contains("unknown command rotate", "Usage:");
        assertThat(keys("create", "two words", dir.resolve("k")).err()).contains("a key's name is");
        assertThat(keys(Map.of(), "--help").out()).contains("create <name> [--operator]");
    }

    private Run keys(String command, String name, Path file) {
        return keys(Map.of(), command, name, "--file", file.toString());
    }
}
