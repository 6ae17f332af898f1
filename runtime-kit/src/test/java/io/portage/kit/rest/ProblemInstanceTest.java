package io.portage.kit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ProblemInstanceTest {

    @Test
    void aPathCarryingWhatAUriCannotHoldIsEncodedNotThrown() {
        assertThat(Problem.instance("/webhooks/shopify/\u0000")).hasToString("/webhooks/shopify/%00");
        assertThat(Problem.instance("/ops/dead-letters/a b\"<>{|}\\^`/replay"))
                .hasToString("/ops/dead-letters/a%20b%22%3C%3E%7B%7C%7D%5C%5E%60/replay");
        assertThat(Problem.instance("/x/%")).hasToString("/x/%25");
        assertThat(Problem.instance("/x/%4")).hasToString("/x/%254");
        assertThat(Problem.instance("/x/é\u0007?#")).hasToString("/x/%C3%A9%07%3F%23");
        assertThat(Problem.instance("//host/x").getHost()).isNull();
        assertThat(Problem.instance("//host/x").getPath()).isEqualTo("//host/x");
    }

    @Test
    void aPathAlreadyEncodedKeepsItsEscapes() {
        assertThat(Problem.instance("/api/v1/orders/%00")).hasToString("/api/v1/orders/%00");
        assertThat(Problem.instance("/api/v1/orders/123")).isEqualTo(URI.create("/api/v1/orders/123"));
        assertThat(Problem.instance(null)).hasToString("/");
    }

    @Test
    void noStringMakesItThrow() {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                path.append((char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0xd800)));
            }
            assertThat(Problem.instance(path.toString())).isNotNull();
        }
    }
}
