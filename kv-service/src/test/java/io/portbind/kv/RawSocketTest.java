package io.portbind.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Protocol edge cases over a plain socket: what nc, telnet and broken clients send. */
class RawSocketTest extends KvServerTest {

    @Test
    void inlineCommandsAsTypedIntoNc() throws IOException {
        try (Client client = new Client()) {
            client.send("PING\r\nSET \"greeting x\" 'hello world'\nGET \"greeting x\"\r\n");
            assertEquals("+PONG\r\n+OK\r\n$11\r\nhello world\r\n", client.read(30));
        }
    }

    @Test
    void requestSplitInTheMiddleOfCrLf() throws Exception {
        try (Client client = new Client()) {
            client.send("*2\r\n$4\r\nECHO\r\n$5\r\nhello\r");
            Thread.sleep(50);
            client.send("\n");
            assertEquals("$5\r\nhello\r\n", client.read(11));
        }
    }

    @Test
    void largePipelineAnsweredInOrder() throws IOException {
        int count = 10_000;
        StringBuilder pipeline = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < count; i++) {
            pipeline.append("*2\r\n$4\r\nINCR\r\n$8\r\npipeline\r\n");
            expected.append(':').append(i + 1).append("\r\n");
        }
        try (Client client = new Client()) {
            client.send(pipeline.toString());
            assertEquals(expected.toString(), client.read(expected.length()));
        }
    }

    @Test
    void resp3RepliesAfterHello3() throws IOException {
        try (Client client = new Client()) {
            client.send("HELLO 3\r\n");
            String hello = client.readUntil("modules\r\n*0\r\n");
            assertTrue(hello.startsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n"), hello);
            client.send("GET nothing-here\r\nCONFIG GET appendonly\r\n");
            assertEquals("_\r\n%1\r\n$10\r\nappendonly\r\n$2\r\nno\r\n", client.read(32));
        }
    }

    @Test
    void malformedInputClosesOnlyThatConnection() throws IOException {
        try (Client bystander = new Client(); Client broken = new Client(); Jedis jedis = server.jedis()) {
            bystander.send("PING\r\n");
            assertEquals("+PONG\r\n", bystander.read(7));
            broken.send("PING\r\n*1\r\n$x\r\nPING\r\n");
            assertEquals("+PONG\r\n-ERR Protocol error: invalid bulk length\r\n", broken.readToEnd());
            bystander.send("PING\r\n");
            assertEquals("+PONG\r\n", bystander.read(7));
            assertEquals("PONG", jedis.ping());
        }
    }

    @Test
    void unbalancedQuotesAndHugeLengthsAreProtocolErrors() throws IOException {
        try (Client client = new Client()) {
            client.send("SET \"open\r\n");
            assertEquals("-ERR Protocol error: unbalanced quotes in request\r\n", client.readToEnd());
        }
        try (Client client = new Client()) {
            client.send("*1\r\n$999999999999\r\n");
            assertEquals("-ERR Protocol error: invalid bulk length\r\n", client.readToEnd());
        }
    }

    @Test
    void quitSaysOkThenCloses() throws IOException {
        try (Client client = new Client()) {
            client.send("QUIT\r\nPING\r\n");
            assertEquals("+OK\r\n", client.readToEnd());
        }
    }

    /** A socket with helpers to send text and read exact replies. */
    private static final class Client implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Client() throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        String read(int length) throws IOException {
            return new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }

        String readUntil(String end) throws IOException {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
            }
            return seen.toString(StandardCharsets.ISO_8859_1);
        }

        /** Everything until the server closes the connection. */
        String readToEnd() throws IOException {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
