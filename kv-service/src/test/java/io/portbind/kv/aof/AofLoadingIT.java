package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portbind.common.testing.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Loading at start as Redis 7.0 does: a last command cut short by a crash is dropped and the file truncated
 * before it (aof-load-truncated yes); a file damaged in the middle stops start-up with one line naming the file
 * and the offset, exit status 1.
 */
class AofLoadingIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final String MANIFEST = "file appendonly.aof.1.base.aof seq 1 type b\n"
            + "file appendonly.aof.1.incr.aof seq 1 type i\n";
    private static final String SET_A = "*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n";

    @Test
    void aTruncatedLastCommandIsDroppedAndTheFileCutBeforeIt(@TempDir Path dir) throws Exception {
        Path incr = write(dir, SET_A + "*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$5\r\nhal");
        try (ServiceProcess kv = start(dir); Jedis jedis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
            assertEquals("1", jedis.get("a"));
            assertNull(jedis.get("b"));
            jedis.set("c", "3");
        }
        assertEquals(List.of(List.of("SET", "a", "1"), List.of("SELECT", "0"), List.of("SET", "c", "3")),
                AofFiles.commands(incr));
    }

    @Test
    void anUnfinishedTransactionAtTheEndIsRevertedWhole(@TempDir Path dir) throws Exception {
        write(dir, SET_A + "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n");
        try (ServiceProcess kv = start(dir); Jedis jedis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
            assertEquals("1", jedis.get("a"));
            assertNull(jedis.get("b"));
        }
    }

    @Test
    void aFileDamagedInTheMiddleStopsStartUpWithTheOffset(@TempDir Path dir) throws Exception {
        Path incr = write(dir, SET_A + "garbage\r\n" + SET_A);
        try (ServiceProcess kv = start(dir)) {
            assertEquals(1, kv.awaitExit(START));
            assertEquals(List.of("kv-service: bad file format reading the append only file " + incr + " at offset "
                    + SET_A.length() + ": make a backup of it, then use redis-check-aof --fix on the manifest"),
                    kv.stderr());
        }
    }

    private static ServiceProcess start(Path dir) {
        return ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("PORT", "0"), "--dir", dir.toString(),
                "--appendonly", "yes");
    }

    private static Path write(Path dir, String incr) throws Exception {
        Path appendDir = Files.createDirectories(dir.resolve("appendonlydir"));
        Files.writeString(appendDir.resolve("appendonly.aof.manifest"), MANIFEST);
        Files.write(appendDir.resolve("appendonly.aof.1.base.aof"), new byte[0]);
        return Files.write(appendDir.resolve("appendonly.aof.1.incr.aof"), incr.getBytes(StandardCharsets.ISO_8859_1));
    }
}
