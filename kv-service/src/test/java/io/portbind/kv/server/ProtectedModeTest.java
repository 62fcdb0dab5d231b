package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.NetworkNamespace;
import io.portbind.kv.testing.RedisServerProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Protected mode as another host sees it: redis-cli runs in a network namespace joined by a veth pair,
 * so it connects from a non-loopback address to kv-service bound to 0.0.0.0, and to a redis-server 7.0
 * on its default bind beside it, whose replies are the expected ones.
 */
class ProtectedModeTest {

    private static final String PASSWORD = "s3cret";

    private static String redisCli;
    private static NetworkNamespace outside;
    private static KvTestServer kv;
    private static RedisServerProcess redis;

    @BeforeAll
    static void start() throws Exception {
        redisCli = ExternalTool.require("redis-cli").toString();
        outside = NetworkNamespace.create();
        kv = KvTestServer.onEveryInterface();
        redis = RedisServerProcess.start("--save", "", "--appendonly", "no");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (kv != null) {
                kv.close();
            }
            if (redis != null) {
                redis.close();
            }
        } finally {
            if (outside != null) {
                outside.close();
            }
        }
    }

    @Test
    void anOutsideClientIsDeniedWithRedisText() throws Exception {
        String reply = fromOutside(kv.port(), "PING");
        assertTrue(reply.startsWith("DENIED Redis is running in protected mode because protected mode is enabled"),
                reply);
        assertEquals(fromOutside(redis.port(), "PING"), reply);
    }

    @Test
    void theDenialIsSentOnAcceptBeforeAnyCommandThenTheConnectionCloses() throws Exception {
        // cat ends only when the server closes the connection; the client sends nothing at all.
        String kvBytes = rawFromOutside(kv.port());
        assertTrue(kvBytes.startsWith("-DENIED Redis is running in protected mode") && kvBytes.endsWith("\r\n"),
                kvBytes);
        assertEquals(rawFromOutside(redis.port()), kvBytes);
    }

    @Test
    void aLoopbackClientIsServed() throws Exception {
        assertEquals("PONG", fromLoopback(kv.port(), "PING"));
        assertEquals("protected-mode\nyes", fromLoopback(kv.port(), "CONFIG", "GET", "protected-mode"));
    }

    @Test
    void configSetProtectedModeNoFromLoopbackLetsTheOutsideClientIn() throws Exception {
        assertEquals("OK", fromLoopback(kv.port(), "CONFIG", "SET", "protected-mode", "no"));
        try {
            assertEquals("PONG", fromOutside(kv.port(), "PING"));
        } finally {
            assertEquals("OK", fromLoopback(kv.port(), "CONFIG", "SET", "protected-mode", "yes"));
        }
        assertTrue(fromOutside(kv.port(), "PING").startsWith("DENIED "));
    }

    @Test
    void withAPasswordTheOutsideClientIsAskedToAuthenticate() throws Exception {
        assertEquals("OK", fromLoopback(kv.port(), "CONFIG", "SET", "requirepass", PASSWORD));
        try {
            assertEquals("NOAUTH Authentication required.", fromOutside(kv.port(), "PING"));
            assertEquals("PONG", fromOutside(kv.port(), "-a", PASSWORD, "--no-auth-warning", "PING"));
        } finally {
            assertEquals("OK", fromLoopback(kv.port(), "-a", PASSWORD, "--no-auth-warning",
                    "CONFIG", "SET", "requirepass", ""));
        }
    }

    /** redis-cli inside the namespace, to this host's address there; its output without the last newline. */
    private static String fromOutside(int port, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(redisCli, "-h", outside.hostAddress(), "-p",
                Integer.toString(port)));
        command.addAll(List.of(args));
        return outside.run(command.toArray(String[]::new)).stripTrailing();
    }

    /** The bytes a plain TCP connection from inside the namespace receives until the server closes it. */
    private static String rawFromOutside(int port) throws Exception {
        return outside.run("bash", "-c", "exec 3<>/dev/tcp/" + outside.hostAddress() + "/" + port + " && cat <&3");
    }

    private static String fromLoopback(int port, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(redisCli, "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return ExternalTool.run("", command).text().stripTrailing();
    }

}
