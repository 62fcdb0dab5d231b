package io.portbind.kv.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import io.portbind.kv.testing.RedisServerProcess;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Keyspace notifications against redis-server: a client subscribed to {@code __key*__:*} on each server while
 * another runs the same commands must receive the same messages in the same order, byte for byte.
 */
class KeyspaceNotificationsTest {

    /** What a RESP2 subscriber gets for PING: it marks the end of the messages a script caused. */
    private static final String PONG = "*2\r\n$4\r\npong\r\n$0\r\n\r\n";

    private static KvTestServer kv;
    private static RedisServerProcess redis;

    @BeforeAll
    static void startBoth() throws Exception {
        kv = KvTestServer.start();
        redis = RedisServerProcess.start("--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
    }

    @AfterAll
    static void stopBoth() {
        if (kv != null) {
            kv.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void configAcceptsRedisClassLettersAndShowsThemCanonically() throws Exception {
        for (String classes : List.of("KEA", "Ex", "AKEm", "nK", "gzA", "An", "mdn", "E$", "")) {
            assertEquals(run(redis.jedis(), "CONFIG SET notify-keyspace-events " + classes,
                    "CONFIG GET notify-keyspace-events"),
                    run(kv.jedis(), "CONFIG SET notify-keyspace-events " + classes,
                            "CONFIG GET notify-keyspace-events"), classes);
        }
        assertEquals(run(redis.jedis(), "CONFIG SET notify-keyspace-events KEA!"),
                run(kv.jedis(), "CONFIG SET notify-keyspace-events KEA!"));
    }

    @Test
    void keysAndStringsFireRedisEvents() throws Exception {
        assertSameEvents("KEA",
                "SET s 1", "SET s 2 EX 100", "SETNX s 3", "SETNX t 3", "SET t 4 XX GET", "SET u 5 NX PX 1000",
                "GETSET s 6", "MSET a 1 b 2", "MSETNX c 1 a 2", "MSETNX c 1 d 2", "SETEX e 10 x", "PSETEX f 10000 x",
                "APPEND s x", "APPEND g y", "SETRANGE s 1 abc", "SETRANGE s 1 \"\"", "INCR n", "DECR n",
                "INCRBY n 5", "DECRBY n 2", "INCRBYFLOAT n 1.5", "GETDEL s", "GETDEL nosuch", "GETEX t EX 100",
                "GETEX t PERSIST", "GETEX t PERSIST", "GETEX a PXAT 1", "EXPIRE b 100", "PEXPIRE b 100000 NX",
                "PERSIST b", "PERSIST b", "EXPIRE c -1", "EXPIREAT nosuch 1", "DEL d e nosuch", "UNLINK f",
                "RENAME b b2", "SET x 1", "RENAME x b2", "RENAMENX b2 t", "RENAMENX b2 r", "COPY r r2",
                "COPY r r2", "COPY r r2 REPLACE", "COPY r r3 DB 1", "MOVE r 2", "MOVE nosuch 2", "SELECT 1",
                "SET inone 1", "DEL inone", "SELECT 0", "FLUSHALL");
    }

    @Test
    void listsFireRedisEvents() throws Exception {
        assertSameEvents("KEA", "LPUSH l a b c", "RPUSH l d", "LPUSHX nosuch a", "RPUSHX l e", "LPOP l", "RPOP l 2",
                "LPOP l 0", "LSET l 0 x", "LINSERT l BEFORE x w", "LINSERT l AFTER nosuch y", "LREM l 1 w",
                "LREM l 0 nosuch", "LTRIM l 0 -1", "LTRIM l 0 0", "RPUSH m 1 2", "LMOVE l m LEFT RIGHT",
                "RPOPLPUSH m n", "RPOPLPUSH nosuch n", "LMPOP 2 nosuch m RIGHT COUNT 5", "BLPOP n 0.1",
                "BRPOP nosuch 0.01", "RPUSH t 1 2 3", "LTRIM t 5 10", "RPUSH r 1", "LREM r 0 1", "FLUSHALL");
    }

    @Test
    void hashesAndSetsFireRedisEvents() throws Exception {
        assertSameEvents("KEA", "HSET h a 1 b 2", "HSET h a 1", "HMSET h c 3", "HSETNX h a 2", "HSETNX h d 4",
                "HINCRBY h n 1", "HINCRBYFLOAT h f 1.5", "HDEL h nosuch", "HDEL h a b", "HDEL h c d n f",
                "SADD s a b c", "SADD s a", "SREM s nosuch", "SREM s a", "SMOVE s t b", "SMOVE s t nosuch",
                "SMOVE s t c", "SADD s 1 2 3 4", "SPOP s", "SPOP s 0", "SPOP s 1", "SPOP s 10", "SADD a 1 2",
                "SADD b 2 3", "SINTERSTORE d a b", "SUNIONSTORE d a b", "SDIFFSTORE d a b", "SINTERSTORE d a nosuch",
                "SINTERSTORE d a nosuch", "SDIFFSTORE d a a", "FLUSHALL");
    }

    @Test
    void sortedSetsFireRedisEvents() throws Exception {
        assertSameEvents("KEA", "ZADD z 1 a 2 b 3 c", "ZADD z 1 a", "ZADD z XX 5 nosuch", "ZADD z INCR 1 a",
                "ZINCRBY z 1 b", "ZADD z GT 0 c", "ZREM z nosuch", "ZREM z a", "ZPOPMIN z", "ZPOPMAX z 0",
                "ZADD y 1 a 2 b 3 c 4 d", "ZREMRANGEBYRANK y 0 0", "ZREMRANGEBYSCORE y 2 2", "ZREMRANGEBYLEX y [c [c",
                "ZREMRANGEBYSCORE y 10 20", "ZUNIONSTORE u 2 y z", "ZINTERSTORE u 2 y z", "ZDIFFSTORE u 1 y",
                "ZRANGESTORE r y 0 -1", "ZRANGESTORE r y 5 6", "ZRANGESTORE r y 5 6", "BZPOPMIN u 0.1",
                "BZPOPMAX z 0.1", "ZPOPMAX y 5", "FLUSHALL");
    }

    @Test
    void streamsBitmapsAndHyperLogLogsFireRedisEvents() throws Exception {
        assertSameEvents("KEA", "XADD x 1-1 f v", "XADD x MAXLEN 1 2-1 f v", "XADD nosuch NOMKSTREAM * f v",
                "XDEL x 9-9", "XDEL x 2-1", "XADD x 3-1 f v", "XADD x 4-1 f v", "XTRIM x MAXLEN 5", "XTRIM x MAXLEN 1",
                "XSETID x 9-9", "XGROUP CREATE x g $", "XGROUP CREATE y g $ MKSTREAM", "XGROUP SETID x g 0",
                "XGROUP CREATECONSUMER x g c", "XGROUP CREATECONSUMER x g c", "XGROUP DELCONSUMER x g c",
                "XGROUP DELCONSUMER x g c", "XGROUP DESTROY x g", "XGROUP DESTROY x g", "SETBIT b 7 1",
                "SETBIT b 7 1", "SETBIT b 100 0", "BITFIELD b SET u8 0 255", "BITFIELD b GET u8 0", "BITOP NOT c b", "BITOP AND c e f",
                "BITOP AND c e f", "PFADD h a b", "PFADD h a", "PFADD h2 c", "PFMERGE h3 h h2", "PFCOUNT h h2",
                "FLUSHALL");
    }

    @Test
    void newKeysFireNew() throws Exception {
        assertSameEvents("KEn", "SET a 1", "SET a 2", "RPUSH l x", "RPUSH l y", "RENAME a b", "SET c 1",
                "RENAME b c", "COPY c d", "COPY c d REPLACE", "SADD s 1", "SMOVE s t 1", "HINCRBY h f 1",
                "ZADD z 1 m", "XADD x * f v", "XGROUP CREATE y g $ MKSTREAM", "SETBIT bits 3 1", "PFADD hll a",
                "SUNIONSTORE u t", "LMOVE l m LEFT LEFT", "INCR n", "APPEND ap x", "MOVE ap 1", "FLUSHALL");
    }

    @Test
    void onlyTheSelectedClassesAndChannelsArePublished() throws Exception {
        String[] script = {"SET k 1", "EXPIRE k 100", "INCR n", "DEL k n", "SET k 2"};
        for (String classes : List.of("K$", "Eg", "Kn", "En$", "A", "KA", "AKEn", "gE", "")) {
            assertSameEvents(classes, script);
            run(kv.jedis(), "FLUSHALL");
            run(redis.jedis(), "FLUSHALL");
        }
    }

    @Test
    void expiryFiresExpiredLazilyAndActively() throws Exception {
        assertSameEvents("KEA", "SET lazy 1 PX 20", "SLEEP 100", "GET lazy", "SET active 1 PX 20", "SLEEP 1500",
                "FLUSHALL");
    }

    @Test
    void evictionFiresEvicted() throws Exception {
        assertSameEvents("KEA", "SET one 1", "CONFIG SET maxmemory-policy allkeys-lru", "CONFIG SET maxmemory 1",
                "CONFIG SET maxmemory 0", "CONFIG SET maxmemory-policy noeviction", "FLUSHALL");
    }

    /** Runs {@code script} on each server with {@code classes} selected, and compares what a subscriber got. */
    private static void assertSameEvents(String classes, String... script) throws Exception {
        String expected = events(redis.port(), redis.jedis(), classes, script);
        String actual = events(kv.port(), kv.jedis(), classes, script);
        boolean published = classes.contains("K") || classes.contains("E");
        assertEquals(published, expected.length() > PONG.length(), "redis-server's events for " + classes);
        assertEquals(readable(expected), readable(actual), "notify-keyspace-events " + classes);
    }

    private static String events(int port, Jedis commands, String classes, String... script) throws Exception {
        try (commands; RawClient subscriber = new RawClient(port)) {
            run(commands, "CONFIG SET notify-keyspace-events " + (classes.isEmpty() ? "\"\"" : classes));
            subscriber.send("PSUBSCRIBE __key*__:*\r\n");
            subscriber.readUntil(":1\r\n");
            run(commands, script);
            subscriber.send("PING\r\n");
            String received = subscriber.readUntil(PONG);
            run(commands, "CONFIG SET notify-keyspace-events \"\"");
            return received;
        }
    }

    /**
     * Runs each line (arguments split on spaces; {@code ""} an empty argument; {@code SLEEP ms} pauses), keeping
     * each reply or error as text.
     */
    private static String run(Jedis jedis, String... script) throws InterruptedException {
        StringBuilder replies = new StringBuilder();
        for (String line : script) {
            String[] words = line.split(" ");
            if (words[0].equals("SLEEP")) {
                Thread.sleep(Long.parseLong(words[1]));
                continue;
            }
            String[] args = new String[words.length - 1];
            for (int i = 1; i < words.length; i++) {
                args[i - 1] = words[i].equals("\"\"") ? "" : words[i];
            }
            try {
                replies.append(render(jedis.sendCommand(() -> words[0].getBytes(StandardCharsets.UTF_8), args)));
            } catch (JedisDataException error) {
                replies.append(error.getMessage());
            }
            replies.append('\n');
        }
        return replies.toString();
    }

    private static String render(Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            return list.stream().map(KeyspaceNotificationsTest::render).toList().toString();
        }
        return String.valueOf(reply);
    }

    /** One message a line, so that a failure shows where the sequences part. */
    private static String readable(String raw) {
        return raw.replace("*4\r\n$8\r\npmessage\r\n$9\r\n__key*__:*\r\n", "\n").replaceAll("\\$\\d+\r\n", "")
                .replace("\r\n", " ");
    }
}
