package io.portbind.kv.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.common.testing.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** --maxmemory and --maxmemory-policy as a user gives them to the jar: listed by --help, checked, applied. */
class EvictionSettingsIT {

    private static final Duration EXIT = Duration.ofSeconds(20);

    @Test
    void helpListsTheMemorySettings() throws Exception {
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of(), "--help")) {
            process.awaitStdoutLine(Pattern.compile("KV_MAXMEMORY +same as --maxmemory \\(default: 0\\)"), EXIT);
            process.awaitStdoutLine(Pattern.compile(
                    "KV_MAXMEMORY_POLICY +same as --maxmemory-policy \\(default: noeviction\\)"), EXIT);
            assertEquals(0, process.awaitExit(EXIT));
        }
    }

    @Test
    void aBadValueIsOneLineAndExitStatusTwo() throws Exception {
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("PORT", "0"),
                "--maxmemory", "1tb")) {
            assertEquals(2, process.awaitExit(EXIT));
            assertEquals(List.of("kv-service: invalid --maxmemory \"1tb\": expected bytes or a size such as 100mb or "
                    + "1gb"), process.stderr());
        }
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"),
                Map.of("PORT", "0", "KV_MAXMEMORY_POLICY", "lru"))) {
            assertEquals(2, process.awaitExit(EXIT));
            assertEquals(List.of("kv-service: invalid KV_MAXMEMORY_POLICY \"lru\": expected noeviction, allkeys-lru, "
                    + "allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-random or volatile-ttl"),
                    process.stderr());
        }
    }

    @Test
    void theSettingsAreWhatConfigGetAndInfoShow() throws Exception {
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"),
                Map.of("PORT", "0", "KV_MAXMEMORY_POLICY", "allkeys-lfu"), "--maxmemory", "100mb")) {
            int port = process.awaitListening(EXIT);
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                assertEquals(Map.of("maxmemory", "104857600"), jedis.configGet("maxmemory"));
                assertEquals(Map.of("maxmemory-policy", "allkeys-lfu"), jedis.configGet("maxmemory-policy"));
                String memory = jedis.info("memory");
                assertEquals(true, memory.contains("maxmemory:104857600\r\nmaxmemory_human:100.00M\r\n"
                        + "maxmemory_policy:allkeys-lfu\r\n"), memory);
            }
            assertEquals(0, process.terminate(EXIT));
        }
    }
}
