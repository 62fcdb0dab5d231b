package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON API over a real redis-server. */
class DataApiOverRedisTest extends DataApiContract {

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.overRedis();

    @Override
    HttpServiceUnderTest service() {
        return service;
    }

    /** Only a store with other types than strings can hold one under a key the API reads. */
    @Test
    void aKeyHoldingAListIs409() throws IOException {
        try (Socket store = new Socket(InetAddress.getLoopbackAddress(), URI.create(service.store().url()).getPort())) {
            store.getOutputStream().write("RPUSH a-list item\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream reply = store.getInputStream();
            assertEquals(":1\r\n", new String(reply.readNBytes(4), StandardCharsets.US_ASCII));
        }
        HttpResponse<String> response = service.get("/api/data/a-list");
        assertEquals(409, response.statusCode());
        assertEquals("{\"error\":\"the key holds a value that is not a string\",\"status\":409}", response.body());
    }
}
