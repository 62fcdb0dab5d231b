package io.portbind.kv.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/** INFO, TIME, LASTSAVE, SWAPDB, SHUTDOWN and CONFIG SET/GET/RESETSTAT with Jedis. */
class ServerCommandsTest extends KvServerTest {

    @Test
    void infoStartsWithTheServerSectionInRedisFormat() {
        String info = redis.info();
        assertTrue(info.startsWith("# Server\r\nredis_version:7.0.15\r\n"), info);
        assertTrue(info.contains("\r\nredis_mode:standalone\r\n"), info);
        assertTrue(info.contains("\r\ntcp_port:" + server.port() + "\r\n"), info);
        assertTrue(info.contains("\r\n\r\n# Clients\r\nconnected_clients:"), info);
        assertTrue(info.contains("\r\n\r\n# Keyspace\r\n"), info);
        assertTrue(!info.contains("# Commandstats"), info);
    }

    @Test
    void infoSectionsAreChosenByName() {
        assertTrue(redis.info("all").contains("# Commandstats\r\n"));
        assertTrue(redis.info("everything").contains("# Commandstats\r\n"));
        assertTrue(redis.info("MEMORY").startsWith("# Memory\r\nused_memory:"));
        assertEquals("", redis.info("nosuchsection"));
    }

    @Test
    void infoKeyspaceCountsKeysAndTtls() {
        redis.mset("a", "1", "b", "2", "c", "3");
        redis.expire("a", 100);
        redis.select(2);
        redis.set("x", "y");
        assertEquals("# Keyspace\r\ndb0:keys=3,expires=1,avg_ttl=0\r\ndb2:keys=1,expires=0,avg_ttl=0\r\n",
                redis.info("keyspace"));
    }

    @Test
    void infoStatsCountCommandsHitsMissesAndExpiredKeys() throws InterruptedException {
        redis.configResetStat();
        redis.set("k", "v");
        redis.get("k");
        redis.get("missing");
        redis.set("short", "v", SetParams.setParams().px(1));
        Thread.sleep(5);
        redis.get("short");
        Map<String, String> stats = fields(redis.info("stats"));
        // CONFIG RESETSTAT counts itself after resetting, as in Redis: 1 + 5.
        assertEquals("6", stats.get("total_commands_processed"));
        assertEquals("1", stats.get("keyspace_hits"));
        assertEquals("2", stats.get("keyspace_misses"));
        assertEquals("1", stats.get("expired_keys"));
    }

    @Test
    void infoReportsTheRecentOperationRate() throws InterruptedException {
        redis.configResetStat();
        for (int i = 0; i < 200; i++) {
            redis.ping();
        }
        Thread.sleep(20);
        long rate = Long.parseLong(fields(redis.info("stats")).get("instantaneous_ops_per_sec"));
        assertTrue(rate > 0, "ops/sec " + rate);
    }

    @Test
    void infoClientsCountsConnections() {
        try (Jedis other = server.jedis()) {
            other.ping();
            // At least these two: connections closed by earlier tests may still be on their way out.
            assertTrue(Integer.parseInt(fields(redis.info("clients")).get("connected_clients")) >= 2);
        }
    }

    @Test
    void commandstatsCountCallsAndFailures() {
        redis.configResetStat();
        redis.set("k", "v");
        redis.set("k", "w");
        assertThrows(JedisDataException.class, () -> redis.incr("k"));
        assertThrows(JedisDataException.class, () -> redis.sendCommand(Protocol.Command.GET));
        Map<String, String> stats = fields(redis.info("commandstats"));
        assertTrue(stats.get("cmdstat_set").startsWith("calls=2,usec="), stats.toString());
        assertTrue(stats.get("cmdstat_incr").endsWith(",rejected_calls=0,failed_calls=1"), stats.toString());
        assertTrue(stats.get("cmdstat_get").startsWith("calls=0,"), stats.toString());
        assertTrue(stats.get("cmdstat_get").endsWith(",rejected_calls=1,failed_calls=0"), stats.toString());
        assertEquals("count=2", fields(redis.info("errorstats")).get("errorstat_ERR"));
    }

    @Test
    void infoIsAVerbatimStringInResp3() {
        try (Jedis resp3 = server.jedisResp3()) {
            assertTrue(resp3.info("server").startsWith("# Server\r\nredis_version:7.0.15\r\n"));
        }
    }

    @Test
    void timeIsNowInSecondsAndMicroseconds() {
        List<String> time = redis.time();
        long seconds = Long.parseLong(time.get(0));
        assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000) <= 2, time.toString());
        long micros = Long.parseLong(time.get(1));
        assertTrue(micros >= 0 && micros < 1_000_000, time.toString());
        assertTrue(redis.lastsave() <= seconds);
    }

    @Test
    void swapdbExchangesDatabases() {
        redis.set("k", "zero");
        redis.select(1);
        redis.set("k", "one");
        assertEquals("OK", redis.swapDB(0, 1));
        assertEquals("zero", redis.get("k"));
        assertEquals("ERR invalid first DB index", error("SWAPDB", "x", "1"));
        assertEquals("ERR invalid second DB index", error("SWAPDB", "1", "x"));
        assertEquals("ERR DB index is out of range", error("SWAPDB", "0", "16"));
    }

    @Test
    void shutdownOfAnInProcessServerFailsAndTheServerStays() {
        assertEquals("ERR Errors trying to SHUTDOWN. Check logs.", error("SHUTDOWN", "NOSAVE"));
        assertEquals("ERR Errors trying to SHUTDOWN. Check logs.", error("SHUTDOWN", "SAVE"));
        assertEquals("ERR No shutdown in progress.", error("SHUTDOWN", "ABORT"));
        assertEquals("ERR syntax error", error("SHUTDOWN", "NOSAVE", "SAVE"));
        assertEquals("PONG", redis.ping());
    }

    @Test
    void configGetMatchesGlobsAndExactNames() {
        assertEquals(Map.of("maxmemory", "0", "maxmemory-policy", "noeviction", "maxmemory-samples", "5",
                "maxmemory-eviction-tenacity", "10", "maxmemory-clients", "0"), redis.configGet("maxmemory*"));
        assertEquals(Map.of("PORT", Integer.toString(server.port())), redis.configGet("PORT"));
        // One event loop per core serves the connections, as Redis's io-threads would.
        assertEquals(Map.of("io-threads", Integer.toString(Runtime.getRuntime().availableProcessors())),
                redis.configGet("io-threads"));
        assertEquals(Map.of("databases", "16"), redis.configGet("databases"));
    }

    @Test
    void configSetRequirepassAppliesToNewConnections() {
        assertEquals("OK", redis.configSet("requirepass", "secret"));
        try (Jedis other = server.jedis()) {
            assertEquals("NOAUTH Authentication required.",
                    assertThrows(JedisDataException.class, other::ping).getMessage());
            assertEquals("OK", other.auth("secret"));
            assertEquals("OK", other.configSet("requirepass", ""));
        }
        assertEquals(Map.of("requirepass", ""), redis.configGet("requirepass"));
    }

    @Test
    void configSetRefusesWhatCannotBeApplied() {
        assertEquals("ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'",
                error("CONFIG", "SET", "nosuch", "1"));
        assertEquals("ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config",
                error("CONFIG", "SET", "databases", "4"));
        assertEquals("ERR CONFIG SET failed (possibly related to argument 'hz') - only '10' is supported "
                + "by this server", error("CONFIG", "SET", "hz", "100"));
        assertEquals("ERR CONFIG SET failed (possibly related to argument 'save') - duplicate parameter",
                error("CONFIG", "SET", "save", "", "save", ""));
        assertEquals("OK", redis.configSet("save", "", "appendonly", "no"));
    }

    @Test
    void configSetChangesNothingWhenOneValueFails() {
        assertThrows(JedisDataException.class, () -> redis.configSet("requirepass", "pw", "maxmemory", "-1"));
        try (Jedis other = server.jedis()) {
            assertEquals("PONG", other.ping());
        }
    }

    private static Map<String, String> fields(String section) {
        Map<String, String> fields = new HashMap<>();
        for (String line : section.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return fields;
    }

    private String error(String command, String... args) {
        return assertThrows(JedisDataException.class,
                () -> redis.sendCommand(Protocol.Command.valueOf(command), args)).getMessage();
    }
}
