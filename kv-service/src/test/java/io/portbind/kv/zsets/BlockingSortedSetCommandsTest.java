package io.portbind.kv.zsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.util.KeyValue;

/** BZPOPMIN, BZPOPMAX and BZMPOP on the shared blocked-clients registry: one client waits, another adds. */
class BlockingSortedSetCommandsTest extends KvServerTest {

    @Test
    void popsAtOnceFromTheFirstNonEmptyKey() {
        redis.zadd("b", Map.of("low", 1.0, "high", 2.5));
        assertEquals(new KeyValue<>("b", new Tuple("low", 1.0)), redis.bzpopmin(1, "a", "b"));
        assertEquals(new KeyValue<>("b", new Tuple("high", 2.5)), redis.bzpopmax(1, "a", "b"));
        assertFalse(redis.exists("b"));
    }

    @Test
    void blockedClientGetsTheMemberAnotherClientAdds() throws Exception {
        CompletableFuture<KeyValue<String, Tuple>> popped = waitingClient(waiter -> waiter.bzpopmax(0, "scores"));
        redis.zadd("scores", Map.of("alice", 10.0, "bob", 20.0));
        assertEquals(new KeyValue<>("scores", new Tuple("bob", 20.0)), popped.get(2, TimeUnit.SECONDS));
        assertEquals(List.of("alice"), redis.zrange("scores", 0, -1));
    }

    @Test
    void waitersAreServedInTheOrderTheyBlocked() throws Exception {
        CompletableFuture<KeyValue<String, Tuple>> first = waitingClient(waiter -> waiter.bzpopmin(2, "q"));
        CompletableFuture<KeyValue<String, Tuple>> second = waitingClient(waiter -> waiter.bzpopmin(2, "q"));
        redis.zadd("q", Map.of("a", 1.0, "b", 2.0));
        assertEquals("a", first.get(2, TimeUnit.SECONDS).getValue().getElement());
        assertEquals("b", second.get(2, TimeUnit.SECONDS).getValue().getElement());
    }

    @Test
    void timesOutWithNull() {
        long start = System.nanoTime();
        assertNull(redis.bzpopmin(0.1, "nothing"));
        assertTrue(System.nanoTime() - start >= 90_000_000L);
    }

    @Test
    void resp3RepliesTheScoreAsADouble() {
        try (Jedis resp3 = server.jedisResp3()) {
            resp3.zadd("z", 1.5, "m");
            List<?> reply = (List<?>) resp3.sendCommand(() -> "BZPOPMIN".getBytes(), "z", "1");
            assertEquals(1.5, reply.get(2));
        }
    }

    @Test
    void errors() {
        redis.set("str", "v");
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value",
                assertThrows(JedisDataException.class, () -> redis.bzpopmin(1, "str")).getMessage());
        assertEquals("ERR timeout is negative",
                assertThrows(JedisDataException.class, () -> redis.bzpopmin(-1, "z")).getMessage());
    }

    @Test
    void bzmpopWaitsAndGetsUpToCountFromTheKeyThatFills() throws Exception {
        CompletableFuture<Object> popped = waitingClient(waiter -> waiter.sendCommand(() -> "BZMPOP".getBytes(),
                "2", "2", "first", "second", "MAX", "COUNT", "2"));
        redis.zadd("second", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        List<?> reply = (List<?>) popped.get(2, TimeUnit.SECONDS);
        assertEquals("second", new String((byte[]) reply.get(0)));
        List<?> pairs = (List<?>) reply.get(1);
        assertEquals(2, pairs.size());
        assertEquals("c", new String((byte[]) ((List<?>) pairs.get(0)).get(0)));
        assertEquals("3", new String((byte[]) ((List<?>) pairs.get(0)).get(1)));
        assertEquals("b", new String((byte[]) ((List<?>) pairs.get(1)).get(0)));
        assertEquals(List.of("a"), redis.zrange("second", 0, -1));
    }

    @Test
    void bzmpopTimesOutWithNull() {
        assertNull(redis.sendCommand(() -> "BZMPOP".getBytes(), "0.1", "1", "nothing", "MIN"));
    }

    /** Starts {@code command} on its own connection and returns once the server counts it as blocked. */
    private <T> CompletableFuture<T> waitingClient(Function<Jedis, T> command) throws InterruptedException {
        int before = server.blockedClients();
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> {
            try (Jedis waiter = server.jedis()) {
                return command.apply(waiter);
            }
        });
        for (int i = 0; i < 400 && server.blockedClients() == before; i++) {
            Thread.sleep(5);
        }
        assertEquals(before + 1, server.blockedClients());
        return result;
    }
}
