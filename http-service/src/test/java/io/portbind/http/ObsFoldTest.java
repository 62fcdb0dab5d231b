package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Folded header lines (obs-fold, RFC 9112 section 5.2) are refused with 400 however the bytes arrive, before the
 * decoder joins them; a body or a later request that merely contains a line break and a space is no fold.
 */
class ObsFoldTest {

    private static final String FOLDED = "GET /healthz HTTP/1.1\r\nHost: test\r\nX-F: a\r\n b\r\n\r\n";

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.withoutStore();

    @Test
    void fiveThousandContinuationLinesUnderTheHeaderLimitAre400NotAccepted() {
        try (RawConnection connection = service.connect()) {
            connection.send("GET /healthz HTTP/1.1\r\nHost: test\r\nX-F: a\r\n" + " b\r\n".repeat(5_000) + "\r\n");
            RawConnection.Response response = connection.read();
            assertEquals(400, response.status());
            assertTrue(response.body().contains("obs-fold"), response.body());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void aFoldIsFoundWhereverTheReadsSplitTheHead() {
        for (int split = 1; split < FOLDED.length(); split++) {
            try (RawConnection connection = service.connect()) {
                connection.send(FOLDED.substring(0, split));
                pause();
                connection.send(FOLDED.substring(split));
                assertEquals(400, connection.read().status(), "split after " + split);
            }
        }
    }

    @Test
    void aBodyWithLineBreaksAndSpacesIsNoFold_andTheRequestBehindItIsRead() {
        String body = "a\r\n b\r\n\tc";
        try (RawConnection connection = service.connect()) {
            connection.send("PUT /nowhere HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body + "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(404, connection.read().status());
            assertEquals(200, connection.read().status());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
