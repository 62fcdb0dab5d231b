package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.common.testing.ServiceProcessContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** http-service as a process: a plain client gets the classic greeting. */
class HttpProcessIT extends ServiceProcessContract {

    HttpProcessIT() {
        super("http-service", "HTTP_PORT");
    }

    @Override
    protected void greet(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("Hello, World!", response.body());
    }
}
