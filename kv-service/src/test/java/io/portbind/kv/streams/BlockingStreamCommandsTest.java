package io.portbind.kv.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/** XREAD and XREADGROUP with BLOCK: a client waits, another adds, deletes or destroys, the first is answered. */
class BlockingStreamCommandsTest extends KvServerTest {

    @Test
    void xreadWaitingForNewEntriesGetsTheOneAnotherClientAdds() throws Exception {
        send("XADD", "events", "1-0", "old", "1");
        CompletableFuture<String> read = blocking("XREAD", "BLOCK", "0", "STREAMS", "events", "$");
        awaitBlockedClients(1);
        send("XADD", "events", "2-0", "f", "v");
        assertEquals("[[events, [[2-0, [f, v]]]]]", read.get(2, TimeUnit.SECONDS));
    }

    @Test
    void xreadTimesOutWithNull() {
        long start = System.nanoTime();
        assertNull(redis.sendBlockingCommand(Protocol.Command.XREAD, "BLOCK", "150", "STREAMS", "quiet", "$"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 140 && elapsedMillis < 2_000, "waited " + elapsedMillis + " ms");
    }

    @Test
    void everyReaderWhoseRangeTheEntryFallsInIsServed() throws Exception {
        send("XADD", "s", "1-0", "f", "v");
        CompletableFuture<String> farAhead = blocking("XREAD", "BLOCK", "0", "STREAMS", "s", "100-0");
        awaitBlockedClients(1);
        CompletableFuture<String> fromNow = blocking("XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        awaitBlockedClients(2);
        send("XADD", "s", "2-0", "f", "w");
        assertEquals("[[s, [[2-0, [f, w]]]]]", fromNow.get(2, TimeUnit.SECONDS));
        awaitBlockedClients(1);
        assertFalse(farAhead.isDone());
        send("XADD", "s", "101-0", "f", "x");
        assertEquals("[[s, [[101-0, [f, x]]]]]", farAhead.get(2, TimeUnit.SECONDS));
    }

    @Test
    void blockedConsumersOfOneGroupShareNewEntriesAndEachGroupGetsThem() throws Exception {
        send("XGROUP", "CREATE", "jobs", "workers", "$", "MKSTREAM");
        send("XGROUP", "CREATE", "jobs", "audit", "$");
        CompletableFuture<String> first = blocking("XREADGROUP", "GROUP", "workers", "w1", "BLOCK", "0",
                "STREAMS", "jobs", ">");
        awaitBlockedClients(1);
        CompletableFuture<String> second = blocking("XREADGROUP", "GROUP", "workers", "w2", "BLOCK", "0",
                "STREAMS", "jobs", ">");
        awaitBlockedClients(2);
        CompletableFuture<String> auditor = blocking("XREADGROUP", "GROUP", "audit", "a1", "BLOCK", "0",
                "STREAMS", "jobs", ">");
        awaitBlockedClients(3);
        send("XADD", "jobs", "1-0", "job", "1");
        assertEquals("[[jobs, [[1-0, [job, 1]]]]]", first.get(2, TimeUnit.SECONDS));
        assertEquals("[[jobs, [[1-0, [job, 1]]]]]", auditor.get(2, TimeUnit.SECONDS));
        awaitBlockedClients(1);
        assertEquals("[1, 1-0, 1-0, [[w1, 1]]]", send("XPENDING", "jobs", "workers"));
        send("XADD", "jobs", "2-0", "job", "2");
        assertEquals("[[jobs, [[2-0, [job, 2]]]]]", second.get(2, TimeUnit.SECONDS));
        assertEquals("[2, 1-0, 2-0, [[w1, 1], [w2, 1]]]", send("XPENDING", "jobs", "workers"));
    }

    @Test
    void deletingTheStreamAnswersBlockedGroupReadersWithAnError() throws Exception {
        send("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
        CompletableFuture<String> reader = blocking("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s",
                ">");
        CompletableFuture<String> plain = blocking("XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        awaitBlockedClients(2);
        redis.del("s");
        assertEquals("error: UNBLOCKED the stream key no longer exists", reader.get(2, TimeUnit.SECONDS));
        awaitBlockedClients(1);
        assertFalse(plain.isDone(), "XREAD keeps waiting for the key to come back");
        send("XADD", "s", "1-0", "f", "v");
        assertEquals("[[s, [[1-0, [f, v]]]]]", plain.get(2, TimeUnit.SECONDS));
    }

    @Test
    void destroyingTheGroupAnswersItsBlockedReadersWithNogroup() throws Exception {
        send("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
        CompletableFuture<String> reader = blocking("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s",
                ">");
        awaitBlockedClients(1);
        assertEquals("1", send("XGROUP", "DESTROY", "s", "g"));
        assertEquals("error: NOGROUP the consumer group this client was blocked on no longer exists",
                reader.get(2, TimeUnit.SECONDS));
    }

    @Test
    void insideMultiABlockingReadAnswersAtOnce() {
        assertEquals("OK", send("MULTI"));
        assertEquals("QUEUED", send("XREAD", "BLOCK", "0", "STREAMS", "nothing", "$"));
        assertEquals("[null]", send("EXEC"));
    }

    private CompletableFuture<String> blocking(String... command) {
        return inBackground(client -> call(client, command));
    }

    private String send(String... command) {
        return call(redis, command);
    }

    private static String call(Jedis client, String... command) {
        try {
            return render(client.sendBlockingCommand(Protocol.Command.valueOf(command[0]),
                    Arrays.copyOfRange(command, 1, command.length)));
        } catch (JedisDataException error) {
            return "error: " + error.getMessage();
        }
    }

    /** A reply as text: bulk strings as themselves, arrays in brackets, nulls as {@code null}. */
    private static String render(Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            return list.stream().map(BlockingStreamCommandsTest::render).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(reply);
    }
}
