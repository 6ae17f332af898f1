package io.portage.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.restassured.RestAssured;

/** A WMS sending a 2 MB batch slowly: it holds the intake budget (1 MB in the tests) while its body is unread. */
public final class SlowBatch {

    private SlowBatch() {
    }

    /**
     * A connection that sent the headers of a 2 MB batch and holds the budget. A request still holding part of it (an
     * earlier test's) gets the slow batch a 503 instead: then it is sent again until it is let in.
     */
    public static Socket holdTheBudget() throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Socket slow = new Socket("localhost", RestAssured.port);
            slow.getOutputStream()
                    .write(("POST /api/v1/events/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + TestKeys.device() + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n[")
                            .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            slow.setSoTimeout(300);
            try {
                int answered = slow.getInputStream().read();
                slow.close();
                assertThat(Instant.now()).as("the slow batch was answered (%d) instead of read", answered).isBefore(deadline);
            } catch (SocketTimeoutException e) {
                return slow;
            }
        }
    }
}
