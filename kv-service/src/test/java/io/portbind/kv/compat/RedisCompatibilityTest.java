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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
 * the commands that set up its own state, usually {@code FLUSHALL}. Families with a {@link CommandGenerator} are
 * compared on seeded random command sequences too, in RESP2 and RESP3.
 */
class RedisCompatibilityTest {

    private static final int RANDOM_COMMANDS = 2000;

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
        return files.stream().map(file -> dynamicTest(file.getFileName().toString(),
                () -> run(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8))));
    }

    /** Each family's seeded random sequence, once in RESP2 and once in RESP3, as a script run like the files. */
    @TestFactory
    Stream<DynamicTest> randomCommandSequencesAnswerLikeRedis() {
        Map<String, CommandGenerator> generators = new TreeMap<>(Map.of("bitmaps", new BitmapCommandGenerator(),
                "hyperloglog", new HyperLogLogCommandGenerator(), "geo", new GeoCommandGenerator()));
        return generators.entrySet().stream().flatMap(family -> Stream.of(2, 3).map(protocol -> dynamicTest(
                family.getKey() + " RESP" + protocol, () -> run(family.getKey() + " (random, RESP" + protocol + ")",
                        randomScript(family.getValue(), protocol)))));
    }

    private static List<String> randomScript(CommandGenerator generator, int protocol) {
        SplittableRandom random = new SplittableRandom(protocol);
        List<String> lines = new ArrayList<>();
        lines.add("type: HELLO " + protocol);
        lines.addAll(generator.setup());
        for (int i = 0; i < RANDOM_COMMANDS; i++) {
            lines.add(generator.next(random));
        }
        lines.addAll(generator.finish());
        return lines;
    }

    private static void run(String script, List<String> lines) throws IOException {
        try (ReferenceServers.Pair both = servers.connect()) {
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                ScriptLine line = ScriptLine.parse(i + 1, text);
                String where = script + ":" + line.number() + "  " + line.text();
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
