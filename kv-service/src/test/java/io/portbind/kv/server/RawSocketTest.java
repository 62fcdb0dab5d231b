package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import io.portbind.kv.testing.RawClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Protocol edge cases over a plain socket: what nc, telnet and broken clients send. */
class RawSocketTest extends KvServerTest {

    @Test
    void inlineCommandsAsTypedIntoNc() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.send("PING\r\nSET \"greeting x\" 'hello world'\nGET \"greeting x\"\r\n");
            assertEquals("+PONG\r\n+OK\r\n$11\r\nhello world\r\n", client.read(30));
        }
    }

    @Test
    void requestSplitInTheMiddleOfCrLf() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
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
        try (RawClient client = new RawClient(server.port())) {
            client.send(pipeline.toString());
            assertEquals(expected.toString(), client.read(expected.length()));
        }
    }

    @Test
    void resp3RepliesAfterHello3() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.send("HELLO 3\r\n");
            String hello = client.readUntil("modules\r\n*0\r\n");
            assertTrue(hello.startsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n"), hello);
            client.send("GET nothing-here\r\nCONFIG GET appendonly\r\n");
            assertEquals("_\r\n%1\r\n$10\r\nappendonly\r\n$2\r\nno\r\n", client.read(32));
        }
    }

    @Test
    void malformedInputClosesOnlyThatConnection() throws IOException {
        try (RawClient bystander = new RawClient(server.port()); RawClient broken = new RawClient(server.port());
             Jedis jedis = server.jedis()) {
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
        try (RawClient client = new RawClient(server.port())) {
            client.send("SET \"open\r\n");
            assertEquals("-ERR Protocol error: unbalanced quotes in request\r\n", client.readToEnd());
        }
        try (RawClient client = new RawClient(server.port())) {
            client.send("*1\r\n$999999999999\r\n");
            assertEquals("-ERR Protocol error: invalid bulk length\r\n", client.readToEnd());
        }
    }

    @Test
    void quitSaysOkThenCloses() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.send("QUIT\r\nPING\r\n");
            assertEquals("+OK\r\n", client.readToEnd());
        }
    }
}
