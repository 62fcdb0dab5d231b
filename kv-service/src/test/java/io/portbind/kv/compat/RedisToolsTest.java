package io.portbind.kv.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.testing.KvServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real redis-cli, reading a session's commands from stdin (its interactive mode without a
 * terminal), and redis-benchmark's ping tests: they run against the server without a warning or error.
 */
class RedisToolsTest extends KvServerTest {

    @Test
    void redisCliSessionOfServerAndKeyCommandsWarnsAboutNothing() throws Exception {
        Result cli = run("SET k 12345\nOBJECT ENCODING k\nCOPY k k2\nRENAME k2 k3\nINFO keyspace\nCLIENT INFO\n"
                        + "CONFIG GET maxmemory\nCOMMAND DOCS copy\nTIME\n",
                ExternalTool.require("redis-cli").toString(), "-h", "127.0.0.1", "-p", port());
        assertEquals("", cli.stderr());
        // Text replies are printed as they come, with INFO's CRLFs, as redis-cli does with Redis.
        assertTrue(cli.stdout().startsWith("OK\nint\n1\nOK\n# Keyspace\r\ndb0:keys=2,expires=0,avg_ttl=0\r\nid="),
                cli.stdout());
        assertTrue(cli.stdout().contains("\nmaxmemory\n0\ncopy\nsummary\n"), cli.stdout());
    }

    @Test
    void redisCliInResp3ShowsVerbatimText() throws Exception {
        Result cli = run("INFO server\n", ExternalTool.require("redis-cli").toString(), "-3", "-h", "127.0.0.1",
                "-p", port());
        assertEquals("", cli.stderr());
        assertTrue(cli.stdout().startsWith("# Server\r\nredis_version:7.0.15\r\n"), cli.stdout());
    }

    @Test
    void redisBenchmarkPingTestsRunWithoutErrors() throws Exception {
        Result benchmark = run("", ExternalTool.require("redis-benchmark").toString(), "-h", "127.0.0.1",
                "-p", port(), "-t", "ping_inline,ping_mbulk", "-n", "1000", "-q");
        assertEquals(0, benchmark.status(), benchmark.stdout() + benchmark.stderr());
        String output = (benchmark.stdout() + benchmark.stderr()).toLowerCase(Locale.ROOT);
        assertFalse(output.contains("error"), output);
        assertTrue(benchmark.stdout().contains("PING_INLINE: ") && benchmark.stdout().contains("PING_MBULK: "),
                benchmark.stdout());
    }

    private static String port() {
        return Integer.toString(server.port());
    }

    private record Result(int status, String stdout, String stderr) {
    }

    /** Runs {@code command} with {@code input} on stdin; its exit status and both outputs. */
    private static Result run(String input, String... command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("kv-tool", ".err");
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectError(stderr.toFile()).start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + new ArrayList<>(List.of(command)));
            }
            return new Result(process.exitValue(), stdout, Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
