package io.portbind.kv.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of the command table: for every command and subcommand kv-service and redis-server 7.0 both
 * have, {@code COMMAND INFO} and {@code COMMAND DOCS} give the same RESP3 bytes, so that redis-cli's hints and
 * client libraries' key routing cannot tell the two apart. A container's own entry is compared without its list
 * of subcommands, which Redis prints in hash-table order and which holds subcommands only one side has.
 */
class CommandTableMatchesRedisTest {

    private static ReferenceServers servers;
    private static ReferenceServers.Pair both;

    @BeforeAll
    static void startBothServers() throws Exception {
        servers = ReferenceServers.start();
        both = servers.connect();
        both.exchange(request("HELLO", "3"));
    }

    @AfterAll
    static void stopBothServers() throws IOException {
        if (both != null) {
            both.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandBothHaveIsDescribedAsRedisDescribesIt() throws IOException {
        RawReply[] lists = both.exchange(request("COMMAND", "LIST"));
        Set<String> common = names(lists[0]);
        common.retainAll(names(lists[1]));
        assertEquals(names(lists[1]), common, "commands kv-service has that redis-server 7.0 lacks");
        return common.stream().map(name -> dynamicTest(name, () -> compare(name)));
    }

    private static void compare(String name) throws IOException {
        RawReply[] info = both.exchange(request("COMMAND", "INFO", name));
        RawReply[] docs = both.exchange(request("COMMAND", "DOCS", name));
        RawReply ourEntry = info[1].children().get(0);
        List<RawReply> ourSubcommands = ourEntry.children().get(9).children();
        if (ourSubcommands.isEmpty()) {
            assertEquals(info[0].toString(), info[1].toString(), "COMMAND INFO " + name);
            assertEquals(docs[0].toString(), docs[1].toString(), "COMMAND DOCS " + name);
            return;
        }
        assertEquals(withoutLast(info[0].children().get(0)), withoutLast(ourEntry), "COMMAND INFO " + name);
        assertEquals(withoutSubcommands(docs[0]), withoutSubcommands(docs[1]), "COMMAND DOCS " + name);
        Set<String> redisSubcommands = new TreeSet<>();
        info[0].children().get(0).children().get(9).children()
                .forEach(sub -> redisSubcommands.add(sub.children().get(0).text()));
        for (RawReply sub : ourSubcommands) {
            String fullName = sub.children().get(0).text();
            if (redisSubcommands.contains(fullName)) {
                compareSubcommand(fullName);
            }
        }
    }

    private static void compareSubcommand(String fullName) throws IOException {
        RawReply[] info = both.exchange(request("COMMAND", "INFO", fullName));
        assertEquals(info[0].toString(), info[1].toString(), "COMMAND INFO " + fullName);
        RawReply[] docs = both.exchange(request("COMMAND", "DOCS", fullName));
        assertEquals(docs[0].toString(), docs[1].toString(), "COMMAND DOCS " + fullName);
    }

    /** A COMMAND INFO entry's first nine elements, as text. */
    private static List<String> withoutLast(RawReply entry) {
        List<String> elements = new ArrayList<>();
        entry.children().subList(0, entry.children().size() - 1).forEach(element -> elements.add(element.toString()));
        return elements;
    }

    /** The fields of a one-command COMMAND DOCS map but its subcommands, as text. */
    private static List<String> withoutSubcommands(RawReply docs) {
        List<RawReply> fields = docs.children().get(1).children();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += 2) {
            if (!fields.get(i).text().equals("subcommands")) {
                kept.add(fields.get(i) + " " + fields.get(i + 1));
            }
        }
        return kept;
    }

    private static Set<String> names(RawReply list) {
        Set<String> names = new TreeSet<>();
        list.children().forEach(name -> names.add(name.text()));
        return names;
    }

    private static byte[] request(String... words) {
        StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
