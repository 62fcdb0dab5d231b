package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.common.testing.ExternalTool;
import io.portbind.common.testing.ServiceProcess;
import io.portbind.common.testing.ServiceProcessContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * kv-service as a process: Jedis and redis-cli get PONG and their echo back; its own settings are listed
 * by --help and a bad value is one line and exit status 2.
 */
class KvProcessIT extends ServiceProcessContract {

    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    KvProcessIT() {
        super("kv-service", "KV_PORT");
    }

    /** No save points and a directory of its own: stopping the process writes no dump.rdb into the build. */
    @Override
    protected Map<String, String> baseEnvironment() {
        return Map.of("KV_SAVE", "", "KV_DIR", dir.toString());
    }

    @Override
    protected void greet(int port) throws Exception {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            assertEquals("PONG", jedis.ping());
            assertEquals("hello", jedis.echo("hello"));
        }
        assertEquals("PONG", redisCli(port, "PING"));
        assertEquals("hello world", redisCli(port, "ECHO", "hello world"));
    }

    @Test
    void helpListsProtectedModeAndMaxclients() throws Exception {
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of(), "--help")) {
            // The environment part of --help: one line per variable, with its flag and default.
            process.awaitStdoutLine(Pattern.compile("KV_PROTECTED_MODE +same as --protected-mode \\(default: yes\\)"),
                    EXIT);
            process.awaitStdoutLine(Pattern.compile("KV_MAXCLIENTS +same as --maxclients \\(default: 10000\\)"), EXIT);
            assertEquals(0, process.awaitExit(EXIT));
        }
    }

    @Test
    void badProtectedModeOrMaxclientsIsOneLineAndExitStatusTwo() throws Exception {
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"),
                Map.of("PORT", "0", "KV_PROTECTED_MODE", "maybe"))) {
            assertEquals(2, process.awaitExit(EXIT));
            assertEquals(List.of("kv-service: invalid KV_PROTECTED_MODE \"maybe\": expected yes or no"),
                    process.stderr());
        }
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("PORT", "0"),
                "--maxclients", "0")) {
            assertEquals(2, process.awaitExit(EXIT));
            assertEquals(List.of("kv-service: invalid --maxclients \"0\": expected a whole number from 1 to "
                    + Integer.MAX_VALUE), process.stderr());
        }
    }

    private static String redisCli(int port, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(ExternalTool.require("redis-cli").toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(port)));
        args.addAll(List.of(command));
        return ExternalTool.run("", args).text().trim();
    }
}
