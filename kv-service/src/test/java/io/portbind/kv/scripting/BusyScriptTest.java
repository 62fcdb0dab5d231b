package io.portbind.kv.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A script that runs past busy-reply-threshold: other clients get -BUSY, SCRIPT KILL stops it unless it wrote, and
 * the killed script's caller gets Redis's error, SHUTDOWN NOSAVE ends it. Several real clients, bounded waits. A client
 * on the event loop that runs the script waits for it (see ARCHITECTURE.md), so each test's clients are opened in an
 * order that puts them on other event loops.
 */
class BusyScriptTest {

    private static final String LOOP = "local i = 0 while true do i = i + 1 end";
    private KvTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = KvTestServer.start();
        try (Jedis jedis = server.jedis()) {
            jedis.configSet("busy-reply-threshold", "100");
        }
    }

    @AfterEach
    void stop() {
        server.state().busyScript().abort(); // a failed test may leave its loop running
        server.close();
    }

    @Test
    void othersGetBusyUntilScriptKillStopsTheLoop() throws Exception {
        try (RawClient looping = new RawClient(server.port()); Jedis other = server.jedis()) {
            looping.send("EVAL \"" + LOOP + "\" 0\r\n");
            String busy = awaitBusy(other);
            assertEquals("BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
                    busy);
            assertEquals("OK", other.scriptKill());
            String killed = looping.readUntil("\r\n");
            assertEquals("-ERR Script killed by user with SCRIPT KILL... script: "
                    + RedisLibrary.sha1hex(LOOP.getBytes()) + ", on @user_script:1.\r\n", killed);
            assertEquals("PONG", other.ping());
        }
    }

    @Test
    void aScriptThatWroteCannotBeKilled() throws Exception {
        String script = "redis.call('set', 'k', 'v') " + LOOP;
        try (RawClient looping = new RawClient(server.port()); Jedis other = server.jedis()) {
            looping.send("EVAL \"" + script + "\" 0\r\n");
            awaitBusy(other);
            String refusal = CompletableFuture.supplyAsync(() -> {
                try {
                    other.scriptKill();
                    return "no error";
                } catch (RuntimeException error) {
                    return error.getMessage();
                }
            }).get(10, TimeUnit.SECONDS);
            assertEquals("UNKILLABLE Sorry the script already executed write commands against the dataset. You can "
                    + "either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE "
                    + "command.", refusal);
            ((ScriptEngine) server.state().busyScript()).running().kill(); // end the test's loop from inside
            looping.readUntil("\r\n");
        }
    }

    @Test
    void onlyShutdownNosaveGoesOnWhileAScriptIsBusyAndItStopsTheScript() throws Exception {
        String script = "redis.call('set', 'k', 'v') " + LOOP;
        try (RawClient looping = new RawClient(server.port()); RawClient other = new RawClient(server.port())) {
            looping.send("EVAL \"" + script + "\" 0\r\n");
            awaitBusy(other);
            other.send("SHUTDOWN\r\n");
            assertEquals("-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n",
                    other.readUntil("\r\n"));
            other.send("SHUTDOWN NOSAVE\r\n");
            // The in-process test server has no process to stop, so SHUTDOWN itself fails after ending the script.
            assertEquals("-ERR Errors trying to SHUTDOWN. Check logs.\r\n", other.readUntil("\r\n"));
            assertEquals("-ERR Script killed by user with SCRIPT KILL... script: "
                    + RedisLibrary.sha1hex(script.getBytes()) + ", on @user_script:1.\r\n", looping.readUntil("\r\n"));
        }
    }

    @Test
    void scriptKillWithoutScriptIsNotBusy() {
        try (Jedis jedis = server.jedis()) {
            RuntimeException error = assertThrows(RuntimeException.class, jedis::scriptKill);
            assertEquals("NOTBUSY No scripts in execution right now.", error.getMessage());
        }
    }

    /** Sends GET on a raw connection until it is answered -BUSY. */
    private static void awaitBusy(RawClient other) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            other.send("GET x\r\n");
            if (other.readUntil("\r\n").startsWith("-BUSY")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no -BUSY within 10 s");
    }

    /** Sends GET until it is answered -BUSY (the script passed the threshold); returns the error text. */
    private static String awaitBusy(Jedis other) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                other.get("x");
            } catch (RuntimeException error) {
                return error.getMessage();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no -BUSY within 10 s");
    }
}
