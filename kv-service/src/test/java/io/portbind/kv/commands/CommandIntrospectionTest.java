package io.portbind.kv.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.KvTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.CommandListFilterByParams;
import redis.clients.jedis.resps.CommandDocument;
import redis.clients.jedis.resps.CommandInfo;

class CommandIntrospectionTest {

    @Test
    void commandInfoComesFromTheTable() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            Map<String, CommandInfo> info = redis.commandInfo("get", "mset");
            CommandInfo get = info.get("get");
            assertEquals(2, get.getArity());
            assertEquals(List.of("readonly", "fast"), get.getFlags());
            assertEquals(1, get.getFirstKey());
            CommandInfo mset = info.get("mset");
            assertEquals(-3, mset.getArity());
            assertEquals(-1, mset.getLastKey());
            assertEquals(2, mset.getStep());
            assertTrue(redis.commandCount() >= 40);
            assertTrue(redis.commandList().contains("incrbyfloat"));
            assertEquals(List.of("getrange", "setrange"), redis.commandListFilterBy(
                    CommandListFilterByParams.commandListFilterByParams()
                            .filterByPattern("*etrange")));
        }
    }

    @Test
    void commandDocsForRedisCli() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            Map<String, CommandDocument> docs = redis.commandDocs("set", "nosuch");
            assertEquals(1, docs.size());
            assertEquals("1.0.0", docs.get("set").getSince());
            assertEquals("string", docs.get("set").getGroup());
        }
    }

    @Test
    void getKeysUsesTheDeclaredPositions() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            assertEquals(List.of("a", "c"), redis.commandGetKeys("mset", "a", "b", "c", "d"));
            assertEquals(List.of("k"), redis.commandGetKeys("set", "k", "v", "EX", "10"));
            assertEquals("ERR The command has no key arguments", error(redis, "GETKEYS", "ping", "x"));
            assertEquals("ERR Invalid command specified", error(redis, "GETKEYS", "nosuch", "x"));
            assertEquals("ERR Invalid number of arguments specified for command",
                    error(redis, "GETKEYS", "get", "a", "b"));
            assertEquals("ERR wrong number of arguments for 'command|getkeys' command", error(redis, "GETKEYS", "get"));
        }
    }

    @Test
    void unknownCommandsQuoteTheirArguments() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            JedisDataException error = assertThrows(JedisDataException.class,
                    () -> redis.sendCommand(() -> "FOO".getBytes(), "a", "b"));
            assertEquals("ERR unknown command 'FOO', with args beginning with: 'a' 'b' ", error.getMessage());
        }
    }

    private static String error(Jedis redis, String... args) {
        return assertThrows(JedisDataException.class, () -> redis.sendCommand(Protocol.Command.COMMAND, args))
                .getMessage();
    }
}
