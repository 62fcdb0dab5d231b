package io.portbind.kv.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvTestServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
                            .filterByPattern("?etrange")));
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
    void commandDocsDescribeArgumentsAndComplexity() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            Map<String, Object> copy = docs(redis, "copy");
            assertEquals("O(N) worst case for collections, where N is the number of nested items. O(1) for string "
                    + "values.", copy.get("complexity"));
            List<?> arguments = (List<?>) copy.get("arguments");
            assertEquals(4, arguments.size());
            assertEquals(Map.of("name", "source", "type", "key", "key_spec_index", 0L), map(arguments.get(0)));
            assertEquals(Map.of("name", "destination", "type", "key", "key_spec_index", 1L), map(arguments.get(1)));
            assertEquals(Map.of("name", "destination-db", "type", "integer", "token", "DB",
                    "flags", List.of("optional")), map(arguments.get(2)));
            assertEquals(Map.of("name", "replace", "type", "pure-token", "token", "REPLACE",
                    "flags", List.of("optional")), map(arguments.get(3)));
        }
    }

    @Test
    void commandDocsNestChoicesAndBlocks() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            Map<String, Object> condition = map(((List<?>) docs(redis, "expire").get("arguments")).get(2));
            assertEquals("oneof", condition.get("type"));
            assertEquals("7.0.0", condition.get("since"));
            assertEquals(List.of("nx", "xx", "gt", "lt"), ((List<?>) condition.get("arguments")).stream()
                    .map(choice -> map(choice).get("name")).toList());
            Map<String, Object> pairs = map(((List<?>) docs(redis, "mset").get("arguments")).get(0));
            assertEquals(List.of("multiple"), pairs.get("flags"));
            assertEquals("block", pairs.get("type"));
        }
    }

    @Test
    void commandDocsLeaveOutArgumentsACommandDoesNotDeclare() throws Exception {
        try (KvTestServer server = KvTestServer.start(); Jedis redis = server.jedis()) {
            assertEquals(List.of("summary", "since", "group", "complexity"),
                    List.copyOf(docs(redis, "dbsize").keySet()));
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

    /** The COMMAND DOCS map of one command, bulk strings as text, in reply order. */
    private static Map<String, Object> docs(Jedis redis, String command) {
        return map(((List<?>) redis.sendCommand(Protocol.Command.COMMAND, "DOCS", command)).get(1));
    }

    private static Map<String, Object> map(Object flat) {
        List<?> items = (List<?>) flat;
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            map.put((String) plain(items.get(i)), plain(items.get(i + 1)));
        }
        return map;
    }

    /** Bytes as text and lists element by element; numbers as they are. */
    private static Object plain(Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            return list.stream().map(CommandIntrospectionTest::plain).toList();
        }
        return reply;
    }

    private static String error(Jedis redis, String... args) {
        return assertThrows(JedisDataException.class, () -> redis.sendCommand(Protocol.Command.COMMAND, args))
                .getMessage();
    }
}
