package io.portbind.kv.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.kv.testing.KvServerTest;
import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import org.junit.jupiter.api.Test;

class ResetAndClientReplyTest extends KvServerTest {

    @Test
    void resetReturnsTheConnectionToItsFirstState() throws Exception {
        redis.set("k", "db0");
        try (RawClient client = new RawClient(server.port())) {
            client.send("HELLO 3\r\n");
            client.readUntil("modules\r\n*0\r\n");
            client.send("SUBSCRIBE news\r\nSELECT 3\r\nCLIENT SETNAME worker\r\nWATCH k\r\nMULTI\r\n"
                    + "SET k changed\r\nRESET\r\n");
            assertEquals(">3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n"
                    + "+OK\r\n+OK\r\n+OK\r\n+OK\r\n+QUEUED\r\n+RESET\r\n", client.readUntil("+RESET\r\n"));
            client.send("GET k\r\nGET missing\r\nCLIENT GETNAME\r\nEXEC\r\n");
            assertEquals("$3\r\ndb0\r\n$-1\r\n$-1\r\n-ERR EXEC without MULTI\r\n", client.read(44));
        }
        assertEquals(0, redis.publish("news", "nobody listens"));
        assertEquals("db0", redis.get("k"));
    }

    @Test
    void resetUnwatches() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("WATCH k\r\nRESET\r\n");
            assertEquals("+OK\r\n+RESET\r\n", client.read(13));
            redis.set("k", "changed");
            client.send("MULTI\r\nGET k\r\nEXEC\r\n");
            assertEquals("+OK\r\n+QUEUED\r\n*1\r\n$7\r\nchanged\r\n", client.read(31));
        }
    }

    @Test
    void resetForgetsAuthenticationWhenAPasswordIsRequired() throws Exception {
        try (KvTestServer secured = KvTestServer.withPassword("secret");
             RawClient client = new RawClient(secured.port())) {
            client.send("AUTH secret\r\nPING\r\nRESET\r\nPING\r\n");
            assertEquals("+OK\r\n+PONG\r\n+RESET\r\n-NOAUTH Authentication required.\r\n",
                    client.readUntil("required.\r\n"));
        }
    }

    @Test
    void clientReplyOffSilencesRepliesUntilOn() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("CLIENT REPLY OFF\r\nSET k v\r\nGET k\r\nNOSUCH\r\nCLIENT REPLY ON\r\nGET k\r\n");
            assertEquals("+OK\r\n$1\r\nv\r\n", client.read(12));
        }
    }

    @Test
    void clientReplySkipDropsOnlyTheNextReply() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("CLIENT REPLY SKIP\r\nSET k v\r\nGET k\r\nPING\r\n");
            assertEquals("$1\r\nv\r\n+PONG\r\n", client.read(14));
        }
    }

    @Test
    void clientReplyErrors() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("CLIENT REPLY maybe\r\nCLIENT REPLY\r\n");
            assertEquals("-ERR syntax error\r\n-ERR wrong number of arguments for 'client|reply' command\r\n",
                    client.readUntil("command\r\n"));
        }
    }

    @Test
    void resetTurnsRepliesBackOn() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("CLIENT REPLY OFF\r\nPING\r\nRESET\r\nPING\r\n");
            assertEquals("+RESET\r\n+PONG\r\n", client.read(15));
        }
    }
}
