package io.portbind.kv.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static ReferenceServers servers;

    @BeforeAll
    static void startBothServers() throws Exception {
        servers = ReferenceServers.start();
    }

    @AfterAll
    static void stopBothServers() {
        if (servers != null) {
            servers.close();
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
        try (ReferenceServers.Pair both = servers.connect()) {
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                ScriptLine line = ScriptLine.parse(i + 1, text);
                String where = script.getFileName() + ":" + line.number() + "  " + line.text();
                RawReply[] replies;
                try {
                    replies = both.exchange(line.encode());
                } catch (SocketTimeoutException e) {
                    throw new AssertionError(where + ": no reply", e);
                }
                RawReply expected = replies[0];
                RawReply actual = replies[1];
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
}
