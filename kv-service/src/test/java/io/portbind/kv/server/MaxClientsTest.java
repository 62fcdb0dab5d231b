package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** maxclients over real sockets: the connection beyond the limit gets Redis's error at once and is closed. */
class MaxClientsTest {

    private static final String REFUSED = "-ERR max number of clients reached\r\n";

    @Test
    void configSetMaxclientsTwoRefusesTheThirdAndTheFirstTwoStillWork() throws Exception {
        try (KvTestServer server = KvTestServer.start(); RawClient first = new RawClient(server.port())) {
            assertEquals("+OK\r\n", command(first, "CONFIG SET maxclients 2"));
            assertEquals("*2\r\n$10\r\nmaxclients\r\n$1\r\n2\r\n", command(first, "CONFIG GET maxclients"));
            try (RawClient second = new RawClient(server.port())) {
                assertEquals("+PONG\r\n", command(second, "PING"));
                try (RawClient third = new RawClient(server.port())) {
                    assertEquals(REFUSED, third.readToEnd());
                }
                assertEquals("+PONG\r\n", command(first, "PING"));
                assertEquals("+PONG\r\n", command(second, "PING"));
                first.send("INFO stats\r\n");
                assertTrue(first.readUntil("total_error_replies").contains("\r\nrejected_connections:1\r\n"));
            }
        }
    }

    @Test
    void infoClientsReportsTheLimit() throws Exception {
        try (KvTestServer server = KvTestServer.start(Map.of("KV_MAXCLIENTS", "7"));
             RawClient client = new RawClient(server.port())) {
            client.send("INFO clients\r\n");
            String info = client.readUntil("tracking_clients:0\r\n");
            assertTrue(info.contains("\r\nmaxclients:7\r\n"), info);
        }
    }

    @Test
    void aClientThatLeavesFreesItsPlace() throws Exception {
        try (KvTestServer server = KvTestServer.start(Map.of("KV_MAXCLIENTS", "1"))) {
            try (RawClient only = new RawClient(server.port())) {
                assertEquals("+PONG\r\n", command(only, "PING"));
                try (RawClient refused = new RawClient(server.port())) {
                    assertEquals(REFUSED, refused.readToEnd());
                }
            }
            // The server learns of the close a moment later; until then the place is still taken.
            for (int attempt = 0; ; attempt++) {
                try (RawClient next = new RawClient(server.port())) {
                    next.send("PING\r\n");
                    String reply = next.readUntil("\r\n");
                    if (reply.equals("+PONG\r\n")) {
                        return;
                    }
                    assertEquals(REFUSED, reply);
                    assertTrue(attempt < 100, "the place was never freed");
                    Thread.sleep(20);
                }
            }
        }
    }

    /** An inline command and its one-line reply, or a whole two-element array for CONFIG GET. */
    private static String command(RawClient client, String inline) throws Exception {
        client.send(inline + "\r\n");
        String first = client.readUntil("\r\n");
        if (!first.startsWith("*")) {
            return first;
        }
        StringBuilder reply = new StringBuilder(first);
        for (int line = 0; line < 4; line++) {
            reply.append(client.readUntil("\r\n"));
        }
        return reply.toString();
    }
}
