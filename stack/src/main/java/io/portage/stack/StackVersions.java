package io.portage.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the servers the stack runs, filtered into {@code portage-stack.properties} from the root pom. */
public record StackVersions(String kafka, String keycloak, String postgres) {

    public static StackVersions load() {
        Properties properties = new Properties();
        try (InputStream in = StackVersions.class.getResourceAsStream("/portage-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("portage-stack.properties is missing from the stack jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StackVersions(properties.getProperty("kafka.version"), properties.getProperty("keycloak.version"),
                properties.getProperty("postgres.version"));
    }
}
