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

/** The jar as a user runs it writes one access-log line per request to stdout. */
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
            process.awaitStdoutLine(Pattern.compile(
                    "^\\S+ INFO access - 127\\.0\\.0\\.1 \"GET / HTTP/1\\.1\" 200 13 [0-9.]+ms$"),
                    Duration.ofSeconds(10));
            process.awaitStdoutLine(Pattern.compile(
                    "^\\S+ INFO access - 127\\.0\\.0\\.1 \"GET /no/such/page HTTP/1\\.1\" 404 [0-9]+ [0-9.]+ms$"),
                    Duration.ofSeconds(10));
            assertEquals(0, process.terminate(Duration.ofSeconds(10)));
        }
    }
}
