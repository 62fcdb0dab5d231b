package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that pipelines requests and never reads a response: the service stops answering and reading once the
 * responses held for it pass the water mark (or cuts it off), rather than holding every response; meanwhile a
 * well-behaved client is served as usual.
 */
class UnreadResponsesTest {

    private static final byte[] REQUEST =
            "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** 7.4 MB of requests; unread, their responses would be some 20 MB. */
    private static final int REQUESTS = 200_000;
    /**
     * Responses the service may answer while none is read: those the socket buffers take and those under the water
     * mark (measured: about 1,200). Without backpressure it answered 33,000 and held them.
     */
    private static final long MAX_ANSWERED_UNREAD = 10_000;

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.withoutStore();

    @Test
    void aClientThatNeverReadsIsNotServedWithoutLimit() throws Exception {
        long answeredBefore = healthzAnswered();
        AtomicInteger sent = new AtomicInteger();
        try (Socket greedy = new Socket()) {
            greedy.setReceiveBufferSize(4096);
            greedy.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), service.port()));
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = greedy.getOutputStream();
                    byte[] batch = REQUEST.clone();
                    for (int i = 0; i < REQUESTS; i++) {
                        out.write(batch);
                        sent.incrementAndGet();
                    }
                } catch (IOException closedByTheServer) {
                    // The service cut the connection off: also a bound.
                }
            });
            writer.setDaemon(true);
            writer.start();
            // The writer stops when the service stops reading (its writes block) or cuts it off; without a bound
            // it goes on until all are sent.
            int before;
            long deadline = System.nanoTime() + 20_000_000_000L;
            do {
                before = sent.get();
                writer.join(1_000);
            } while (sent.get() != before && System.nanoTime() < deadline);
            assertTrue(sent.get() < REQUESTS, "the service read and answered all " + REQUESTS + " requests");
            assertEquals(before, sent.get(), "the service kept reading requests whose responses were not read");
            long answered = healthzAnswered() - answeredBefore;
            assertTrue(answered < MAX_ANSWERED_UNREAD, answered + " responses held for a client that reads none");
            try (RawConnection polite = service.connect()) {
                polite.send(new String(REQUEST, StandardCharsets.US_ASCII));
                assertEquals(200, polite.read().status());
            }
        }
    }

    private static long healthzAnswered() {
        try (RawConnection connection = service.connect()) {
            String metrics = connection.send("GET /metrics HTTP/1.1\r\nHost: test\r\n\r\n").read().body();
            return metrics.lines().filter(line -> line.startsWith("http_server_requests_total{route=\"/healthz\""))
                    .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }
    }
}
