package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * SHUTDOWN stops the kv-service process gracefully, exit status 0, as SIGTERM would: SAVE saves first and the data
 * is back after a restart, NOSAVE does not save, a save that fails refuses to stop unless FORCE.
 */
class ShutdownProcessIT {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration EXIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void shutdownSaveKeepsTheDataAndNosaveDoesNot() throws Exception {
        try (ServiceProcess kv = start()) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                redis.set("saved", "before shutdown save");
                assertThrows(JedisConnectionException.class,
                        () -> redis.sendCommand(Protocol.Command.SHUTDOWN, "SAVE"));
            }
            assertEquals(0, kv.awaitExit(EXIT));
            assertTrue(kv.stderr().stream().noneMatch(line -> line.contains("Exception")), kv.stderr().toString());
        }
        try (ServiceProcess kv = start()) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                assertEquals("before shutdown save", redis.get("saved"));
                redis.set("lost", "written after the last save");
                assertThrows(JedisConnectionException.class,
                        () -> redis.sendCommand(Protocol.Command.SHUTDOWN, "NOSAVE"));
            }
            assertEquals(0, kv.awaitExit(EXIT));
        }
        try (ServiceProcess kv = start()) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                assertEquals("before shutdown save", redis.get("saved"));
                assertNull(redis.get("lost"));
            }
            assertEquals(0, kv.terminate(EXIT));
        }
    }

    @Test
    void aFailedSaveRefusesToStopUnlessForce() throws Exception {
        try (ServiceProcess kv = start()) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                redis.set("k", "v");
                // A directory where the file should go: the save's rename fails, as a full disk would fail it.
                Files.createDirectory(dir.resolve("dump.rdb"));
                Files.writeString(dir.resolve("dump.rdb").resolve("keep"), "not empty");
                assertEquals("ERR Errors trying to SHUTDOWN. Check logs.", assertThrows(JedisDataException.class,
                        () -> redis.sendCommand(Protocol.Command.SHUTDOWN, "SAVE")).getMessage());
                assertEquals("v", redis.get("k"));
                assertThrows(JedisConnectionException.class,
                        () -> redis.sendCommand(Protocol.Command.SHUTDOWN, "SAVE", "FORCE"));
            }
            assertEquals(0, kv.awaitExit(EXIT));
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file was removed");
        }
    }

    private ServiceProcess start() {
        return ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("KV_PORT", "0", "KV_SAVE", "",
                "KV_DIR", dir.toString()));
    }
}
