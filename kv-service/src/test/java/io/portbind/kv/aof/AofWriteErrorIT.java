package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A disk that stops taking the AOF (the process runs under {@code ulimit -f}, so writes fail with EFBIG): as in
 * Redis under {@code everysec}, the writes already made are acknowledged and kept, every further write and PING
 * get {@code -MISCONF Errors writing to the AOF file: File too large}, reads go on, and the log says so once.
 */
class AofWriteErrorIT {

    private static final Duration START = Duration.ofSeconds(20);
    private static final String MISCONF = "MISCONF Errors writing to the AOF file: File too large";

    @TempDir
    Path dir;

    @Test
    void writesAreRefusedWithMisconfWhileTheAofCannotBeWrittenAndReadsGoOn() throws Exception {
        String value = "x".repeat(16 * 1024);
        try (ServiceProcess kv = ServiceProcess.startWithFileSizeLimit(256, ServiceProcess.jar("kv-service"),
                Map.of("KV_PORT", "0", "KV_SAVE", "", "KV_DIR", dir.toString(), "KV_APPENDONLY", "yes"));
             Jedis redis = new Jedis("127.0.0.1", kv.awaitListening(START), 10_000)) {
            redis.set("first", "kept");
            JedisDataException refused = null;
            for (int i = 0; i < 200 && refused == null; i++) {
                try {
                    redis.set("key:" + i, value);
                    Thread.sleep(10);
                } catch (JedisDataException e) {
                    refused = e;
                }
            }
            assertTrue(refused != null, "no write was refused past the file size limit");
            assertEquals(MISCONF, refused.getMessage());
            assertEquals("kept", redis.get("first"), "reads go on");
            assertEquals(MISCONF, assertThrows(JedisDataException.class, redis::ping).getMessage());
            assertEquals(MISCONF, assertThrows(JedisDataException.class, () -> redis.del("first")).getMessage());
            assertTrue(redis.info("persistence").contains("aof_last_write_status:err"));
            kv.awaitStdoutLine(Pattern.compile("WARN .*Error writing to the AOF file: File too large; "
                    + "writes are refused until it can be written"), START);
        }
    }
}
