package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three jars run as a user runs them, each on its own port, found only through URLs: the
 * http-service reports all three up, and its API keeps data in the kv-service.
 */
class ThreeServicesIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void dashboardStatusShowsAllThreeServicesUp() throws Exception {
        try (ServiceProcess kv = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("KV_PORT", "0",
                "KV_SAVE", "", "KV_DIR", System.getProperty("java.io.tmpdir"), "KV_DBFILENAME", "three-services.rdb"));
             ServiceProcess chat = ServiceProcess.start(ServiceProcess.jar("chat-service"), Map.of("CHAT_PORT", "0"))) {
            int kvPort = kv.awaitListening(Duration.ofSeconds(30));
            int chatPort = chat.awaitListening(Duration.ofSeconds(30));
            try (ServiceProcess http = ServiceProcess.start(ServiceProcess.jar("http-service"), Map.of(
                    "HTTP_PORT", "0", "KV_URL", "redis://127.0.0.1:" + kvPort,
                    "CHAT_URL", "xmpp://localhost:" + chatPort))) {
                int httpPort = http.awaitListening(Duration.ofSeconds(30));

                assertEquals(201, send(HttpRequest.newBuilder(uri(httpPort, "/api/data/e2e"))
                        .PUT(HttpRequest.BodyPublishers.ofString("kept in kv-service"))).statusCode());
                assertEquals("{\"key\":\"e2e\",\"value\":\"kept in kv-service\",\"ttl\":null}",
                        send(HttpRequest.newBuilder(uri(httpPort, "/api/data/e2e"))).body());

                String status = send(HttpRequest.newBuilder(uri(httpPort, "/api/status"))).body();
                for (String service : new String[] {"http-service", "kv-service", "chat-service"}) {
                    assertTrue(status.matches(".*\"name\":\"" + service + "\",[^}]*\"up\":true,.*"),
                            service + " should be up: " + status);
                }
                assertTrue(status.contains("\"store\":{\"reachable\":true,\"keys\":1"), status);
                assertTrue(status.contains("\"address\":\"http://localhost:" + httpPort + "\""),
                        "HTTP_URL unset, port 0: the card shows the port the system picked: " + status);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
