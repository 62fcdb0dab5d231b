package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Thousands of keep-alive connections left idle after a request cost little and stop no one else. */
class IdleConnectionsTest {

    private static final int CONNECTIONS = 2000;
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aConnectionIdleBeyondTheTimeoutIsClosed() throws InterruptedException {
        try (HttpServiceUnderTest service = HttpServiceUnderTest.start(Duration.ofMillis(500));
             RawConnection connection = service.connect()) {
            connection.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, connection.read().status());
            Thread.sleep(200);
            connection.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, connection.read().status(), "activity keeps the connection open");
            assertTrue(connection.closedByServer(), "closed once idle for longer than the timeout");
        }
    }

    @Test
    void twoThousandIdleKeepAliveConnectionsAreHeldWhileOthersAreServed() throws IOException {
        try (HttpServiceUnderTest service = HttpServiceUnderTest.start(Duration.ofSeconds(60))) {
            List<SocketChannel> idle = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", service.port()));
                    channel.write(ByteBuffer.wrap(REQUEST));
                    idle.add(channel);
                }
                ByteBuffer response = ByteBuffer.allocate(512);
                for (SocketChannel channel : idle) {
                    response.clear();
                    while (!new String(response.array(), 0, response.position(), StandardCharsets.US_ASCII)
                            .endsWith("Hello, World!")) {
                        assertTrue(channel.read(response) > 0, "answered, not closed");
                    }
                }
                assertEquals(200, service.get("/").statusCode(), "a new client is still served");
                Matcher open = Pattern.compile("(?m)^http_server_open_connections ([0-9]+)$")
                        .matcher(service.get("/metrics").body());
                assertTrue(open.find());
                assertTrue(Long.parseLong(open.group(1)) >= CONNECTIONS, open.group());
            } finally {
                for (SocketChannel channel : idle) {
                    channel.close();
                }
            }
        }
    }
}
