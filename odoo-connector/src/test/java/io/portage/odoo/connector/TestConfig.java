package io.portage.odoo.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The test application's {@link OdooConfig} with another URL, protocol, credentials or timeout, for extra clients. */
final class TestConfig implements OdooConfig {

    private final OdooConfig base;
    private String url;
    private Protocol protocol = Protocol.AUTO;
    private Optional<String> password = Optional.empty();
    private Optional<String> apiKey = Optional.empty();
    private Optional<Path> apiKeyFile = Optional.empty();
    private Duration timeout;
    private Batch batch;

    TestConfig(OdooConfig base, String url) {
        this.base = base;
        this.url = url;
        this.timeout = base.timeout();
        this.batch = base.batch();
    }

    TestConfig batch(boolean enabled, int maxSize, Duration maxDelay) {
        batch = new Batch() {

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maxSize() {
                return maxSize;
            }

            @Override
            public Duration maxDelay() {
                return maxDelay;
            }
        };
        return this;
    }

    TestConfig protocol(Protocol value) {
        protocol = value;
        return this;
    }

    TestConfig password(String value) {
        password = Optional.of(value);
        return this;
    }

    TestConfig apiKey(String value) {
        apiKey = Optional.of(value);
        return this;
    }

    TestConfig apiKeyFile(Path value) {
        apiKeyFile = Optional.of(value);
        return this;
    }

    TestConfig timeout(Duration value) {
        timeout = value;
        return this;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String database() {
        return base.database();
    }

    @Override
    public Optional<String> login() {
        return base.login();
    }

    @Override
    public Optional<String> password() {
        return password;
    }

    @Override
    public Optional<String> apiKey() {
        return apiKey;
    }

    @Override
    public Optional<Path> apiKeyFile() {
        return apiKeyFile;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String userAgent() {
        return base.userAgent();
    }

    @Override
    public int pageSize() {
        return base.pageSize();
    }

    @Override
    public Retry retry() {
        return base.retry();
    }

    @Override
    public CircuitBreaker circuitBreaker() {
        return base.circuitBreaker();
    }

    @Override
    public Bulkhead bulkhead() {
        return base.bulkhead();
    }

    @Override
    public Batch batch() {
        return batch;
    }
}
