package io.portbind.kv.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portbind.kv.testing.KvServerTest;
import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

class TransactionCommandsTest extends KvServerTest {

    @Test
    void queuedCommandsRunInOrderAtExec() {
        Transaction transaction = redis.multi();
        Response<String> set = transaction.set("k", "1");
        Response<Long> incr = transaction.incr("k");
        Response<String> get = transaction.get("k");
        assertEquals(List.of("OK", 2L, "2"), transaction.exec());
        assertEquals("OK", set.get());
        assertEquals(2L, incr.get());
        assertEquals("2", get.get());
    }

    @Test
    void commandsAreQueuedNotRunUntilExec() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("MULTI\r\nSET k v\r\nGET k\r\n");
            assertEquals("+OK\r\n+QUEUED\r\n+QUEUED\r\n", client.read(23));
            assertNull(redis.get("k"));
            client.send("EXEC\r\n");
            assertEquals("*2\r\n+OK\r\n$1\r\nv\r\n", client.read(16));
        }
    }

    @Test
    void runtimeErrorBecomesThatCommandsReplyAndTheOthersStillRun() {
        Transaction transaction = redis.multi();
        transaction.set("s", "text");
        Response<Long> incr = transaction.incr("s");
        Response<Long> append = transaction.append("s", "!");
        List<Object> replies = transaction.exec();
        assertEquals(3, replies.size());
        JedisDataException error = assertThrows(JedisDataException.class, incr::get);
        assertEquals("ERR value is not an integer or out of range", error.getMessage());
        assertEquals(5L, append.get());
        assertEquals("text!", redis.get("s"));
    }

    @Test
    void errorWhileQueueingAbortsTheWholeTransaction() {
        redis.sendCommand(Command.MULTI);
        redis.sendCommand(Command.SET, "k", "1");
        assertError("ERR wrong number of arguments for 'get' command", Command.GET);
        assertError("ERR unknown command 'NOPE', with args beginning with: 'x' ",
                () -> SafeEncoder.encode("NOPE"), "x");
        assertError("EXECABORT Transaction discarded because of previous errors.", Command.EXEC);
        assertNull(redis.get("k"));
        assertError("ERR EXEC without MULTI", Command.EXEC);
    }

    @Test
    void refusedExecDiscardsTheTransaction() {
        redis.sendCommand(Command.MULTI);
        redis.sendCommand(Command.SET, "k", "1");
        assertError("EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command",
                Command.EXEC, "extra");
        assertError("ERR EXEC without MULTI", Command.EXEC);
        assertNull(redis.get("k"));
    }

    @Test
    void shutdownInsideMultiIsRefusedAndTheServerKeepsRunning() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("MULTI\r\nSET k 1\r\nSHUTDOWN NOSAVE\r\nEXEC\r\nPING\r\n");
            String expected = "+OK\r\n+QUEUED\r\n-ERR Command not allowed inside a transaction\r\n"
                    + "-EXECABORT Transaction discarded because of previous errors.\r\n+PONG\r\n";
            assertEquals(expected, client.read(expected.length()));
        }
        assertEquals("PONG", redis.ping());
        assertNull(redis.get("k"));
    }

    @Test
    void misuseErrors() {
        assertError("ERR EXEC without MULTI", Command.EXEC);
        assertError("ERR DISCARD without MULTI", Command.DISCARD);
        redis.sendCommand(Command.MULTI);
        assertError("ERR MULTI calls can not be nested", Command.MULTI);
        assertError("ERR WATCH inside MULTI is not allowed", Command.WATCH, "k");
        redis.sendCommand(Command.SET, "k", "still-runs");
        assertEquals(List.of("OK"), redis.sendCommand(Command.EXEC) instanceof List<?> list
                ? list.stream().map(reply -> new String((byte[]) reply)).toList() : null);
        assertEquals("still-runs", redis.get("k"));
    }

    @Test
    void discardDropsTheQueue() {
        Transaction transaction = redis.multi();
        transaction.set("k", "v");
        assertEquals("OK", transaction.discard());
        assertNull(redis.get("k"));
    }

    @Test
    void watchedKeyModifiedByAnotherClientMakesExecReturnNull() {
        try (Jedis other = server.jedis()) {
            redis.set("balance", "10");
            redis.watch("balance");
            other.set("balance", "20");
            Transaction transaction = redis.multi();
            transaction.set("balance", "11");
            assertNull(transaction.exec());
            assertEquals("20", redis.get("balance"));
        }
    }

    @Test
    void untouchedWatchedKeysLetExecRun() {
        redis.watch("a", "b");
        redis.set("unrelated", "x");
        Transaction transaction = redis.multi();
        transaction.set("a", "1");
        assertEquals(List.of("OK"), transaction.exec());
    }

    @Test
    void unwatchAndDiscardForgetWatchedKeys() {
        redis.watch("k");
        redis.unwatch();
        redis.set("k", "changed");
        Transaction transaction = redis.multi();
        transaction.get("k");
        assertEquals(List.of("changed"), transaction.exec());
        redis.watch("k");
        redis.multi().discard();
        redis.set("k", "changed again");
        transaction = redis.multi();
        transaction.get("k");
        assertEquals(List.of("changed again"), transaction.exec());
    }

    @Test
    void expiryOfAWatchedKeyCountsAsAChange() throws Exception {
        redis.psetex("lease", 50, "held");
        redis.watch("lease");
        Thread.sleep(100);
        Transaction transaction = redis.multi();
        transaction.set("lease", "renewed");
        assertNull(transaction.exec());
        assertNull(redis.get("lease"));
    }

    @Test
    void flushTouchesWatchedKeysThatExisted() {
        try (Jedis other = server.jedis()) {
            redis.set("k", "v");
            redis.watch("k");
            other.flushDB();
            Transaction transaction = redis.multi();
            transaction.set("done", "1");
            assertNull(transaction.exec());
            redis.watch("absent");
            other.flushAll();
            transaction = redis.multi();
            transaction.set("done", "1");
            assertEquals(List.of("OK"), transaction.exec());
        }
    }

    @Test
    void watchIsPerDatabase() {
        try (Jedis other = server.jedis()) {
            redis.watch("k");
            other.select(1);
            other.set("k", "in db 1");
            Transaction transaction = redis.multi();
            transaction.set("done", "1");
            assertEquals(List.of("OK"), transaction.exec());
        }
    }

    @Test
    void abortedExecIsANullArrayInBothProtocols() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("WATCH k\r\nSET k 1\r\nMULTI\r\nEXEC\r\n");
            assertEquals("+OK\r\n+OK\r\n+OK\r\n*-1\r\n", client.read(20));
            client.send("HELLO 3\r\n");
            client.readUntil("modules\r\n*0\r\n");
            client.send("WATCH k\r\nSET k 2\r\nMULTI\r\nEXEC\r\n");
            assertEquals("+OK\r\n+OK\r\n+OK\r\n_\r\n", client.read(18));
        }
    }

    @Test
    void queueingNeedsAuthenticationFirst() throws Exception {
        try (KvTestServer secured = KvTestServer.withPassword("secret");
             RawClient client = new RawClient(secured.port())) {
            client.send("MULTI\r\nEXEC\r\n");
            String expected = "-NOAUTH Authentication required.\r\n"
                    + "-EXECABORT Transaction discarded because of: NOAUTH Authentication required.\r\n";
            assertEquals(expected, client.read(expected.length()));
        }
    }

    private void assertError(String expected, ProtocolCommand command, String... args) {
        JedisDataException error = assertThrows(JedisDataException.class, () -> redis.sendCommand(command, args));
        assertEquals(expected, error.getMessage());
    }
}
