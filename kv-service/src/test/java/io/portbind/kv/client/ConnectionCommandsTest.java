package io.portbind.kv.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

class ConnectionCommandsTest {

    @Test
    void pingEchoAndSelect() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            assertEquals("PONG", redis.ping());
            assertEquals("hi", redis.ping("hi"));
            assertEquals("hello", redis.echo("hello"));
            redis.set("k", "db0");
            assertEquals("OK", redis.select(5));
            assertNull(redis.get("k"));
            assertEquals(0, redis.dbSize());
            assertEquals("ERR DB index is out of range", error(redis, Protocol.Command.SELECT, "16"));
            assertEquals("ERR value is not an integer or out of range", error(redis, Protocol.Command.SELECT, "x"));
            assertEquals("ERR wrong number of arguments for 'ping' command",
                    error(redis, Protocol.Command.PING, "a", "b"));
        }
    }

    @Test
    void resp3ClientsGetMapsFromHello() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedisResp3()) {
            assertEquals(Map.of("save", "", "appendonly", "no"), redis.configGet("save", "appendonly"));
            redis.set("k", "v");
            assertEquals("v", redis.get("k"));
            assertNull(redis.get("missing"));
        }
    }

    @Test
    void redisClientOpensWithHello3() throws Exception {
        try (KvTestServer server = KvTestServer.start();
             RedisClient client = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", server.port()))
                     .clientConfig(DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).build()).build()) {
            assertEquals("OK", client.set("k", "v"));
            assertEquals("v", client.get("k"));
            assertEquals(1, client.incr("n"));
        }
    }

    @Test
    void helloErrors() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            assertEquals("NOPROTO unsupported protocol version", error(redis, Protocol.Command.HELLO, "4"));
            assertEquals("ERR Protocol version is not an integer or out of range",
                    error(redis, Protocol.Command.HELLO, "x"));
            assertEquals("ERR Syntax error in HELLO option 'bogus'",
                    error(redis, Protocol.Command.HELLO, "2", "bogus"));
        }
    }

    @Test
    void passwordProtectedServer() throws Exception {
        try (KvTestServer server = KvTestServer.withPassword("s3cret"); Jedis redis = server.jedis()) {
            assertEquals("NOAUTH Authentication required.", error(redis, Protocol.Command.GET, "k"));
            assertEquals("NOAUTH Authentication required.", error(redis, Protocol.Command.PING));
            assertEquals("WRONGPASS invalid username-password pair or user is disabled.",
                    error(redis, Protocol.Command.AUTH, "wrong"));
            assertTrue(error(redis, Protocol.Command.HELLO, "3").startsWith("NOAUTH HELLO must be called"));
            assertEquals("OK", redis.auth("s3cret"));
            assertEquals("OK", redis.set("k", "v"));
        }
        try (KvTestServer server = KvTestServer.withPassword("s3cret");
             Jedis redis = new Jedis(new HostAndPort("127.0.0.1", server.port()), DefaultJedisClientConfig.builder()
                     .protocol(RedisProtocol.RESP3).password("s3cret").build())) {
            assertEquals("OK", redis.set("k", "v"));
        }
    }

    @Test
    void authWithoutConfiguredPassword() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            assertTrue(error(redis, Protocol.Command.AUTH, "x")
                    .startsWith("ERR AUTH <password> called without any password configured for the default user."));
            assertEquals("OK", redis.auth("default", "anything"));
        }
    }

    @Test
    void clientNamesAndIds() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis first = server.jedis(); Jedis second = server.jedis()) {
            assertTrue(second.clientId() > first.clientId());
            assertNull(first.clientGetname());
            assertEquals("OK", first.clientSetname("worker-1"));
            assertEquals("worker-1", first.clientGetname());
            assertEquals("ERR Client names cannot contain spaces, newlines or special characters.",
                    error(first, Protocol.Command.CLIENT, "SETNAME", "a b"));
            assertEquals("OK", SafeEncoder.encode((byte[]) first.sendCommand(Protocol.Command.CLIENT, "SETINFO",
                    "LIB-VER", "8.0.2")));
            assertEquals("ERR Unrecognized option 'lib-foo'",
                    error(first, Protocol.Command.CLIENT, "SETINFO", "lib-foo", "x"));
            assertEquals("ERR unknown subcommand 'nope'. Try CLIENT HELP.",
                    error(first, Protocol.Command.CLIENT, "nope"));
        }
    }

    private static String error(Jedis redis, Protocol.Command command, String... args) {
        return assertThrows(JedisDataException.class, () -> redis.sendCommand(command, args)).getMessage();
    }
}
