package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.common.testing.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The jar as a user runs it writes one access-log line per request to stdout, refused ones included:
 * with their request line when it was read, {@code "-"} when it never was.
 */
class AccessLogIT {

    @Test
    void eachRequestIsOneLineOnStdout() throws Exception {
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("http-service"),
                Map.of("HTTP_PORT", "0", "KV_URL", "redis://127.0.0.1:" + RedisServer.freePort()))) {
            int port = process.awaitListening(Duration.ofSeconds(30));
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/", "/no/such/page"}) {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            awaitAccessLine(process, "\"GET / HTTP/1\\.1\" 200 13");
            awaitAccessLine(process, "\"GET /no/such/page HTTP/1\\.1\" 404 [0-9]+");

            try (RawConnection connection = RawConnection.open(port)) {
                connection.send("GET / HTTP/1.1 extra\r\nHost: test\r\n\r\n");
                assertEquals(400, connection.read().status());
            }
            awaitAccessLine(process, "\"-\" 400 [0-9]+");
            try (RawConnection connection = RawConnection.open(port)) {
                connection.send("PUT /api/data/big HTTP/1.1\r\nHost: test\r\nContent-Length: 2000000\r\n\r\n");
                assertEquals(413, connection.read().status());
            }
            awaitAccessLine(process, "\"PUT /api/data/big HTTP/1\\.1\" 413 [0-9]+");
            try (RawConnection connection = RawConnection.open(port)) {
                connection.send("GET / HTTP/1.1\r\nHost: test\r\nExpect: the-impossible\r\n\r\n");
                assertEquals(417, connection.read().status());
            }
            awaitAccessLine(process, "\"GET / HTTP/1\\.1\" 417 [0-9]+");
            assertEquals(0, process.terminate(Duration.ofSeconds(10)));
        }
    }

    /** {@code client "request line" status bytes time}, the request line and what follows it given. */
    private static void awaitAccessLine(ServiceProcess process, String lineStatusAndBytes) throws InterruptedException {
        process.awaitStdoutLine(Pattern.compile("^\\S+ INFO access - 127\\.0\\.0\\.1 " + lineStatusAndBytes
                + " [0-9.]+ms$"), Duration.ofSeconds(10));
    }
}
