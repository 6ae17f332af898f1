package io.portage.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void noPortIsHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(ports.add(Ports.free())).as("port handed out twice").isTrue();
        }
    }
}
