package io.portbind.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The jar as a process keeps its data in {@code dir/dump.rdb}: SAVE's file brings every type back after kill -9;
 * SIGTERM saves when a save point is configured; a damaged file stops start-up with one line and status 1.
 */
class SnapshotProcessIT {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration EXIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void everyTypeIsBackAfterSaveAndKillNine() throws Exception {
        try (ServiceProcess kv = start("")) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                SnapshotContents.writeEveryType(redis);
                assertEquals("OK", redis.save());
                redis.set("unsaved", "written after SAVE");
            }
        } // close() is kill -9: nothing but SAVE's file can bring the data back
        try (ServiceProcess kv = start("")) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                SnapshotContents.assertEveryType(redis);
                assertEquals(null, redis.get("unsaved"));
            }
            assertEquals(0, kv.terminate(EXIT));
        }
    }

    @Test
    void sigtermSavesWhenASavePointIsConfigured() throws Exception {
        try (ServiceProcess kv = start("3600 1")) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                redis.set("kept", "by the final save");
            }
            assertEquals(0, kv.terminate(EXIT));
        }
        assertTrue(Files.isRegularFile(dir.resolve("dump.rdb")));
        try (ServiceProcess kv = start("")) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                assertEquals("by the final save", redis.get("kept"));
            }
            assertEquals(0, kv.terminate(EXIT));
        }
    }

    @Test
    void sigtermWhoseFinalSaveFailsKeepsServingAndTheNextOneSaves() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (ServiceProcess kv = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("KV_PORT", "0",
                "KV_SAVE", "3600 1", "KV_DIR", data.toString()));
             Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
            redis.set("kept", "through a failed stop");
            Files.delete(data);
            kv.sigterm();
            kv.awaitStdoutLine(Pattern.compile("Termination signal received but errors trying to shut down"), EXIT);
            assertTrue(kv.isAlive());
            assertEquals("through a failed stop", redis.get("kept"), "still serving");
            Files.createDirectory(data);
            assertEquals(0, kv.terminate(EXIT));
        }
        try (ServiceProcess kv = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("KV_PORT", "0",
                "KV_SAVE", "", "KV_DIR", data.toString()));
             Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
            assertEquals("through a failed stop", redis.get("kept"), "the second SIGTERM saved");
        }
    }

    @Test
    void aDamagedFileStopsStartUpWithOneLineAndStatusOne() throws Exception {
        Path file = dir.resolve("dump.rdb");
        Files.write(file, "garbage, not a snapshot".getBytes(StandardCharsets.US_ASCII));
        try (ServiceProcess kv = start("")) {
            assertEquals(1, kv.awaitExit(START));
            assertEquals(List.of("kv-service: cannot load " + file
                    + ": at byte 0: not an RDB file: expected the header REDIS0010, found \"garbage, \""), kv.stderr());
        }
        Files.delete(file);
        try (ServiceProcess kv = start("")) {
            try (Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                redis.rpush("list", "a", "b", "c");
                redis.save();
            }
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 3));
        try (ServiceProcess kv = start("")) {
            assertEquals(1, kv.awaitExit(START));
            assertEquals(1, kv.stderr().size(), kv.stderr().toString());
            assertTrue(kv.stderr().get(0).matches("kv-service: cannot load \\S+dump\\.rdb: at byte \\d+: "
                    + "unexpected end of file.*"), kv.stderr().toString());
        }
        assertEquals(whole.length - 3, Files.size(file), "a damaged file is left as it was");
    }

    private ServiceProcess start(String save) {
        return ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("KV_PORT", "0", "KV_SAVE", save,
                "KV_DIR", dir.toString()));
    }
}
