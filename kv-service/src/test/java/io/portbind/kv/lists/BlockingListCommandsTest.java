package io.portbind.kv.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.KeyValue;

/** BLPOP, BRPOP, BLMOVE, BRPOPLPUSH and BLMPOP: a client blocks, another pushes, the first gets the element. */
class BlockingListCommandsTest extends KvServerTest {

    @Test
    void blpopReturnsAtOnceWhenAListHasElements() {
        redis.rpush("b", "x", "y");
        assertEquals(List.of("b", "x"), redis.blpop(1, "a", "b"));
        assertEquals(List.of("b", "y"), redis.brpop(1, "a", "b"));
        assertFalse(redis.exists("b"));
    }

    @Test
    void blockedClientGetsTheElementAnotherClientPushes() throws Exception {
        CompletableFuture<List<String>> popped = inBackground(waiter -> waiter.blpop(0, "jobs"));
        awaitBlockedClients(1);
        assertEquals(1, redis.rpush("jobs", "job-1"));
        assertEquals(List.of("jobs", "job-1"), popped.get(2, TimeUnit.SECONDS));
        assertFalse(redis.exists("jobs"));
    }

    @Test
    void blpopTimesOutWithNull() {
        long start = System.nanoTime();
        assertNull(redis.blpop(0.2, "nothing"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 190 && elapsedMillis < 2_000, "waited " + elapsedMillis + " ms");
    }

    @Test
    void blockedClientsAreServedInTheOrderTheyBlocked() throws Exception {
        List<CompletableFuture<List<String>>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(inBackground(waiter -> waiter.blpop(2, "queue")));
            awaitBlockedClients(i + 1);
        }
        redis.rpush("queue", "first", "second", "third");
        assertEquals(List.of("queue", "first"), waiters.get(0).get(2, TimeUnit.SECONDS));
        assertEquals(List.of("queue", "second"), waiters.get(1).get(2, TimeUnit.SECONDS));
        assertEquals(List.of("queue", "third"), waiters.get(2).get(2, TimeUnit.SECONDS));
    }

    @Test
    void clientBlockedOnSeveralKeysIsServedOnce() throws Exception {
        CompletableFuture<List<String>> popped = inBackground(waiter -> waiter.blpop(2, "a", "b"));
        awaitBlockedClients(1);
        redis.rpush("b", "from-b");
        assertEquals(List.of("b", "from-b"), popped.get(2, TimeUnit.SECONDS));
        awaitBlockedClients(0);
        redis.rpush("a", "from-a");
        assertEquals(List.of("from-a"), redis.lrange("a", 0, -1));
    }

    @Test
    void clientWaitingOnAnotherTypeKeepsWaiting() throws Exception {
        CompletableFuture<List<String>> popped = inBackground(waiter -> waiter.blpop(2, "k"));
        awaitBlockedClients(1);
        redis.set("k", "a string");
        redis.del("k");
        redis.lpush("k", "element");
        assertEquals(List.of("k", "element"), popped.get(2, TimeUnit.SECONDS));
    }

    @Test
    void disconnectedWaiterIsForgottenAndTheNextOneServed() throws Exception {
        Socket leaving = new Socket(InetAddress.getLoopbackAddress(), server.port());
        leaving.getOutputStream().write("BLPOP q 0\r\n".getBytes(StandardCharsets.US_ASCII));
        awaitBlockedClients(1);
        CompletableFuture<List<String>> staying = inBackground(waiter -> waiter.blpop(2, "q"));
        awaitBlockedClients(2);
        leaving.close();
        awaitBlockedClients(1);
        redis.rpush("q", "element");
        assertEquals(List.of("q", "element"), staying.get(2, TimeUnit.SECONDS));
        assertEquals(0, redis.llen("q"));
    }

    @Test
    void blmoveWaitsForTheSourceAndPushesToTheDestination() throws Exception {
        CompletableFuture<String> moved = inBackground(waiter ->
                waiter.blmove("src", "dst", ListDirection.RIGHT, ListDirection.LEFT, 2));
        awaitBlockedClients(1);
        redis.rpush("src", "a", "b");
        assertEquals("b", moved.get(2, TimeUnit.SECONDS));
        assertEquals(List.of("b"), redis.lrange("dst", 0, -1));
        assertEquals(List.of("a"), redis.lrange("src", 0, -1));
        assertNull(redis.sendCommand(Protocol.Command.BRPOPLPUSH, "empty", "dst", "0.1"));
    }

    @Test
    void blmoveTimesOutWithNull() {
        assertNull(redis.blmove("none", "dst", ListDirection.LEFT, ListDirection.LEFT, 0.1));
        assertFalse(redis.exists("dst"));
    }

    @Test
    void blmpopWaitsAndPopsUpToCount() throws Exception {
        CompletableFuture<KeyValue<String, List<String>>> popped = inBackground(waiter ->
                waiter.blmpop(2, ListDirection.LEFT, 2, "x", "y"));
        awaitBlockedClients(1);
        redis.rpush("y", "1", "2", "3");
        KeyValue<String, List<String>> result = popped.get(2, TimeUnit.SECONDS);
        assertEquals("y", result.getKey());
        assertEquals(List.of("1", "2"), result.getValue());
        assertNull(redis.blmpop(0.1, ListDirection.LEFT, "x"));
    }

    @Test
    void producersAndBlockedConsumersHandOverEveryElementExactlyOnce() throws Exception {
        int producers = 4;
        int perProducer = 500;
        List<CompletableFuture<List<String>>> consumers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            consumers.add(inBackground(consumer -> {
                List<String> received = new ArrayList<>();
                KeyValue<String, String> popped;
                while ((popped = consumer.blpop(0.5, "work")) != null) {
                    received.add(popped.getValue());
                }
                return received;
            }));
        }
        List<CompletableFuture<Object>> pushing = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String producer = "p" + p;
            pushing.add(inBackground(client -> {
                for (int i = 0; i < perProducer; i++) {
                    client.rpush("work", producer + "-" + i);
                }
                return null;
            }));
        }
        for (CompletableFuture<Object> done : pushing) {
            done.get(10, TimeUnit.SECONDS);
        }
        Set<String> all = new HashSet<>();
        int total = 0;
        for (CompletableFuture<List<String>> consumer : consumers) {
            List<String> received = consumer.get(10, TimeUnit.SECONDS);
            total += received.size();
            all.addAll(received);
        }
        assertEquals(producers * perProducer, total);
        assertEquals(producers * perProducer, all.size());
    }

    @Test
    void timeoutErrors() {
        assertError("ERR timeout is negative", "BLPOP", "k", "-1");
        assertError("ERR timeout is not a float or out of range", "BLPOP", "k", "soon");
        assertError("ERR timeout is negative", "BRPOP", "k", "inf");
        assertError("ERR timeout is negative", "BLMOVE", "a", "b", "LEFT", "LEFT", "-0.5");
        assertError("ERR syntax error", "BLMOVE", "a", "b", "UP", "LEFT", "0");
        assertError("ERR numkeys should be greater than 0", "BLMPOP", "0", "0", "a", "LEFT");
    }

    @Test
    void wrongTypeStopsBlpop() {
        redis.set("s", "v");
        assertError("WRONGTYPE Operation against a key holding the wrong kind of value", "BLPOP", "s", "0");
    }

    @Test
    void resp3TimeoutIsNull() {
        try (Jedis resp3 = server.jedisResp3()) {
            assertNull(resp3.blpop(0.1, "nothing"));
        }
    }

    private void assertError(String expected, String... command) {
        JedisDataException error = assertThrows(JedisDataException.class, () -> redis.sendCommand(
                Protocol.Command.valueOf(command[0]), Arrays.copyOfRange(command, 1, command.length)));
        assertEquals(expected, error.getMessage());
    }
}
