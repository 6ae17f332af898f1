package io.portage.edge.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class RouteProblemsTest {

    @Test
    void anyPathBecomesAValidRelativeUri() {
        assertThat(RouteProblems.instance("/api/v1/events")).isEqualTo(URI.create("/api/v1/events"));
        assertThat(RouteProblems.instance("/a/%00/%25")).hasToString("/a/%00/%25");
        assertThat(RouteProblems.instance("/a b\"<>{}|\\^`")).hasToString("/a%20b%22%3C%3E%7B%7D%7C%5C%5E%60");
        assertThat(RouteProblems.instance("/lone/%")).hasToString("/lone/%25");
        assertThat(RouteProblems.instance("/bad/%zz/%4")).hasToString("/bad/%25zz/%254");
        assertThat(RouteProblems.instance("/\u0000\u0001\u007f")).hasToString("/%00%01%7F");
        assertThat(RouteProblems.instance("/caf\u00e9/\ud83d\udce6")).hasToString("/caf%C3%A9/%F0%9F%93%A6");
        assertThat(RouteProblems.instance("a:b")).hasToString("a%3Ab");
        assertThat(RouteProblems.instance("/q?x#y")).hasToString("/q%3Fx%23y");
        assertThat(RouteProblems.instance("")).hasToString("/");
        for (char c = 0; c < 256; c++) {
            assertThat(RouteProblems.instance("/x" + c + "%").isAbsolute()).isFalse();
        }
    }
}
