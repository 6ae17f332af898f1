package io.portage.edge;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Instant;

import io.portage.edge.domain.AccessRole;
import io.portage.edge.repository.KeyFile;
import io.restassured.specification.RequestSpecification;

/**
 * A device key and an operator key in the test profile's keys file (target/test-edge-agent.keys), made once per test
 * JVM with the same code as {@code keys create}; the agent reads the file when it changes.
 */
public final class TestKeys {

    public static final KeyFile FILE = new KeyFile(Path.of("target/test-edge-agent.keys"));

    private static String device;
    private static String operator;

    private TestKeys() {
    }

    public static synchronized String device() {
        if (device == null) {
            device = fresh("test-scanner", AccessRole.DEVICE);
        }
        return device;
    }

    public static synchronized String operator() {
        if (operator == null) {
            operator = fresh("test-operator", AccessRole.OPERATOR);
        }
        return operator;
    }

    /** A new key named {@code name}, replacing one a previous run left. */
    public static String fresh(String name, AccessRole role) {
        FILE.revoke(name);
        return FILE.create(name, role, Instant.now());
    }

    public static RequestSpecification asDevice() {
        return given().header("Authorization", "Bearer " + device());
    }

    public static RequestSpecification asOperator() {
        return given().header("Authorization", "Bearer " + operator());
    }
}
