package io.portbind.kv.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.NettyServer;
import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.server.KvServer;
import io.portbind.kv.server.Main;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test: every script under {@code src/test/resources/compat/} runs line by line
 * against a real {@code redis-server} and against kv-service, each on its own connection, and
 * every reply must be the same bytes (or, where a line says so, the same elements in any order, or
 * the same reply type). A script starts from whatever the previous one left, so each begins with
 * the commands that set up its own state, usually {@code FLUSHALL}.
 */
class RedisCompatibilityTest {

    private static Process redis;
    private static int redisPort;
    private static NettyServer kv;

    @BeforeAll
    static void startBothServers() throws Exception {
        String redisServer = ExternalTool.require("redis-server").toString();
        redisPort = freePort();
        redis = new ProcessBuilder(redisServer, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        kv = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new KvServer(ConfigResolver.resolve(Main.SERVICE, Map.of(), Map.of())));
        awaitRedis();
    }

    @AfterAll
    static void stopBothServers() {
        if (kv != null) {
            kv.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScriptAnswersLikeRedis() throws IOException, URISyntaxException {
        Path scripts = Path.of(RedisCompatibilityTest.class.getResource("/compat").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(scripts)) {
            files = listing.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    private static void run(Path script) throws IOException {
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        try (Socket toRedis = connect(redisPort); Socket toKv = connect(kv.localAddress().getPort())) {
            InputStream fromRedis = new BufferedInputStream(toRedis.getInputStream());
            InputStream fromKv = new BufferedInputStream(toKv.getInputStream());
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                ScriptLine line = ScriptLine.parse(i + 1, text);
                toRedis.getOutputStream().write(line.encode());
                toKv.getOutputStream().write(line.encode());
                RawReply expected = RawReply.read(fromRedis);
                RawReply actual = RawReply.read(fromKv);
                String where = script.getFileName() + ":" + line.number() + "  " + line.text();
                switch (line.comparison()) {
                    case EXACT -> assertEquals(expected.toString(), actual.toString(), where);
                    case UNORDERED -> assertTrue(expected.sameIgnoringOrder(actual),
                            () -> where + "\n  redis:      " + expected + "\n  kv-service: " + actual);
                    case TYPE -> assertEquals(expected.type(), actual.type(),
                            () -> where + "\n  redis:      " + expected + "\n  kv-service: " + actual);
                }
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitRedis() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = connect(redisPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not start on port " + redisPort);
    }
}
