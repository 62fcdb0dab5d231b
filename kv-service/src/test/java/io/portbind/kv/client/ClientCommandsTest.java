package io.portbind.kv.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ClientKillParams;

/** CLIENT LIST, INFO, KILL, NO-EVICT, NO-TOUCH and HELP with Jedis. */
class ClientCommandsTest extends KvServerTest {

    private static final Pattern LINE = Pattern.compile("id=\\d+ addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:\\d+ "
            + "fd=-1 name=\\S* age=\\d+ idle=\\d+ flags=\\w+ db=\\d+ sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 "
            + "argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=\\d+ tot-mem=0 events=r cmd=\\S+ user=default "
            + "redir=-1 resp=[23] lib-name=\\S* lib-ver=\\S*\n");

    @Test
    void infoDescribesTheCallingClientInRedisLineFormat() {
        redis.clientSetname("me");
        redis.select(3);
        String info = redis.clientInfo();
        assertTrue(LINE.matcher(info).matches(), info);
        assertTrue(info.startsWith("id=" + redis.clientId() + " "), info);
        assertTrue(info.contains(" name=me age="), info);
        assertTrue(info.contains(" flags=N db=3 "), info);
        assertTrue(info.contains(" cmd=client|info "), info);
    }

    @Test
    void listHasOneLinePerClientInIdOrder() {
        try (Jedis other = server.jedisResp3()) {
            other.clientSetname("other");
            String list = redis.clientList();
            String[] lines = list.split("(?<=\n)");
            long previousId = 0;
            for (String line : lines) {
                assertTrue(LINE.matcher(line).matches(), line);
                long id = Long.parseLong(line.substring(3, line.indexOf(' ')));
                assertTrue(id > previousId, list);
                previousId = id;
            }
            // Connections closed by earlier tests may still be on their way out: look for ours by id.
            assertTrue(list.contains("id=" + redis.clientId() + " "), list);
            assertTrue(list.contains("id=" + other.clientId() + " ") && list.contains(" name=other "), list);
            String byId = redis.clientList(other.clientId());
            assertTrue(byId.startsWith("id=" + other.clientId() + " ") && byId.endsWith("\n"), byId);
            assertEquals(1, byId.split("\n").length, byId);
        }
    }

    @Test
    void listIsTextInResp3Too() {
        try (Jedis resp3 = server.jedisResp3()) {
            String list = resp3.clientList();
            assertTrue(list.contains("id=" + resp3.clientId() + " ") && list.contains(" resp=3 "), list);
        }
    }

    @Test
    void listFiltersByTypeAndRejectsBadIds() {
        assertEquals("", text(redis.sendCommand(Protocol.Command.CLIENT, "LIST", "TYPE", "pubsub")));
        String normal = text(redis.sendCommand(Protocol.Command.CLIENT, "LIST", "TYPE", "normal"));
        assertTrue(normal.startsWith("id=" + redis.clientId() + " ") && normal.contains(" cmd=client|list "), normal);
        assertEquals("ERR Invalid client ID", error("CLIENT", "LIST", "ID", "x"));
        assertEquals("ERR Unknown client type 'nosuch'", error("CLIENT", "LIST", "TYPE", "nosuch"));
        assertEquals("ERR syntax error", error("CLIENT", "LIST", "foo"));
    }

    @Test
    void killByIdClosesThatConnection() {
        try (Jedis victim = server.jedis()) {
            long id = victim.clientId();
            assertEquals(1, redis.clientKill(ClientKillParams.clientKillParams().id(Long.toString(id))));
            assertThrows(JedisConnectionException.class, victim::ping);
            assertEquals(0, redis.clientKill(ClientKillParams.clientKillParams().id(Long.toString(id))));
        }
    }

    @Test
    void killOldFormByAddressRepliesOk() {
        try (Jedis victim = server.jedis()) {
            String info = victim.clientInfo();
            String addr = info.substring(info.indexOf("addr=") + 5, info.indexOf(' ', info.indexOf("addr=")));
            assertEquals("OK", redis.clientKill(addr));
            assertThrows(JedisConnectionException.class, victim::ping);
            assertEquals("ERR No such client", error("CLIENT", "KILL", addr));
        }
    }

    @Test
    void killSkipsTheCallerUnlessToldNot() {
        String me = redis.clientInfo();
        String laddr = me.substring(me.indexOf("laddr=") + 6, me.indexOf(' ', me.indexOf("laddr=")));
        assertEquals(0, redis.clientKill(ClientKillParams.clientKillParams().id(Long.toString(redis.clientId()))));
        assertEquals("PONG", redis.ping());
        assertEquals(1, redis.clientKill(ClientKillParams.clientKillParams().laddr(laddr)
                .skipMe(ClientKillParams.SkipMe.NO).user("default")));
        assertThrows(JedisConnectionException.class, redis::ping);
    }

    @Test
    void killRejectsBadFilters() {
        assertEquals("ERR client-id should be greater than 0", error("CLIENT", "KILL", "ID", "0"));
        assertEquals("ERR No such user 'nobody'", error("CLIENT", "KILL", "USER", "nobody"));
        assertEquals("ERR Unknown client type 'x'", error("CLIENT", "KILL", "TYPE", "x"));
        assertEquals("ERR syntax error", error("CLIENT", "KILL", "SKIPME", "maybe"));
        assertEquals("ERR syntax error", error("CLIENT", "KILL", "ID", "1", "SKIPME"));
    }

    @Test
    void noEvictAndNoTouchShowAsFlags() {
        assertEquals("OK", redis.clientNoEvictOn());
        assertEquals("OK", redis.clientNoTouchOn());
        assertTrue(redis.clientInfo().contains(" flags=eT "));
        assertEquals("OK", redis.clientNoEvictOff());
        assertEquals("OK", redis.clientNoTouchOff());
        assertTrue(redis.clientInfo().contains(" flags=N "));
        assertEquals("ERR syntax error", error("CLIENT", "NO-EVICT", "maybe"));
    }

    @Test
    void helpEndsWithItsOwnEntry() {
        List<String> help = lines(redis.sendCommand(Protocol.Command.CLIENT, "HELP"));
        assertTrue(help.get(0).startsWith("CLIENT <subcommand>"));
        assertEquals("HELP", help.get(help.size() - 2));
    }

    private static String text(Object bulk) {
        return new String((byte[]) bulk, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(Object array) {
        return ((List<byte[]>) array).stream().map(line -> new String(line, StandardCharsets.UTF_8)).toList();
    }

    private String error(String command, String... args) {
        return assertThrows(JedisDataException.class,
                () -> redis.sendCommand(Protocol.Command.valueOf(command), args)).getMessage();
    }
}
