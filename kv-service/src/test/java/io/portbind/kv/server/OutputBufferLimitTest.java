package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * client-output-buffer-limit over real sockets: a subscriber that stops reading is disconnected once its unread
 * messages pass the pubsub limit, and the publisher goes on undisturbed.
 */
class OutputBufferLimitTest {

    private static final int MESSAGE_BYTES = 10_000;
    private static final int MESSAGES = 3_000;

    @Test
    void aSubscriberThatStopsReadingIsDisconnectedAtTheHardLimit() throws Exception {
        try (KvTestServer server = KvTestServer.start(); RawClient publisher = new RawClient(server.port());
             Socket subscriber = new Socket()) {
            assertEquals("+OK\r\n", command(publisher, "CONFIG SET client-output-buffer-limit \"pubsub 1mb 0 0\""));
            subscriber.setReceiveBufferSize(4096);
            subscriber.connect(new InetSocketAddress("127.0.0.1", server.port()));
            subscriber.getOutputStream().write("SUBSCRIBE ch\r\n".getBytes(StandardCharsets.US_ASCII));
            String confirmation = "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n";
            assertEquals(confirmation, new String(subscriber.getInputStream().readNBytes(confirmation.length()),
                    StandardCharsets.US_ASCII));
            String publish = "PUBLISH ch " + "m".repeat(MESSAGE_BYTES) + "\r\n";
            // 30 MB of messages, far more than the socket buffers hold: the rest would wait in the server.
            int delivered = 0;
            for (int i = 0; i < MESSAGES && delivered < MESSAGES; i++) {
                publisher.send(publish);
                if (publisher.readUntil("\r\n").equals(":0\r\n")) {
                    break;
                }
                delivered++;
            }
            assertTrue(delivered < MESSAGES, "the subscriber was never disconnected");
            // The subscription goes with the connection, a moment after the close.
            String none = "*2\r\n$2\r\nch\r\n:0\r\n";
            String numsub = "";
            for (int attempt = 0; attempt < 100 && !numsub.equals(none); attempt++) {
                publisher.send("PUBSUB NUMSUB ch\r\n");
                numsub = publisher.read(none.length());
                Thread.sleep(numsub.equals(none) ? 0 : 50);
            }
            assertEquals(none, numsub);
            assertEquals("+PONG\r\n", command(publisher, "PING"));
            assertEndsAfterTheBufferedBytes(subscriber.getInputStream());
        }
    }

    @Test
    void infoAndClientListShowUnreadOutput() throws Exception {
        try (KvTestServer server = KvTestServer.start(); RawClient client = new RawClient(server.port())) {
            client.send("INFO clients\r\n");
            assertTrue(client.readUntil("tracking_clients:0\r\n").contains("\r\nclient_recent_max_output_buffer:"));
            client.send("CLIENT LIST\r\n");
            assertTrue(client.readUntil("\n\r\n").contains(" omem=0 "));
        }
    }

    private static void assertEndsAfterTheBufferedBytes(InputStream in) throws Exception {
        byte[] chunk = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            read += n;
            assertTrue(read < 16L * 1024 * 1024, "more than the limit and the socket buffers arrived");
        }
    }

    private static String command(RawClient client, String line) throws Exception {
        client.send(line + "\r\n");
        return client.readUntil("\r\n");
    }
}
