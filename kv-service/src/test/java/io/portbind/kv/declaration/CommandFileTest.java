package io.portbind.kv.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading one file: what a declaration holds, and that faults name the file and what is wrong. */
class CommandFileTest {

    private static final String MINIMAL = """
            {"PING": {"summary": "s", "group": "connection", "since": "1.0.0", "arity": -1%s}}
            """;

    @Test
    void readsEveryField() {
        CommandDeclaration get = CommandFile.load("config-get.json");
        assertEquals("GET", get.name());
        assertEquals("CONFIG", get.container());
        assertEquals("config|get", get.fullName());
        assertEquals(-3, get.arity());
        assertEquals("server", get.group());
        assertEquals(List.of(new HistoryEntry("7.0.0", "Added the ability to pass multiple pattern parameters in one "
                + "call")), get.history());
        assertEquals(Set.of("ADMIN", "NOSCRIPT", "LOADING", "STALE"), get.commandFlags());
        ArgumentSpec parameter = get.arguments().get(0);
        assertEquals("block", parameter.type());
        assertTrue(parameter.multiple());
        assertEquals("string", parameter.arguments().get(0).type());

        CommandDeclaration set = CommandFile.load("set.json");
        KeySpec spec = set.keySpecs().get(0);
        assertEquals("RW and ACCESS due to the optional `GET` argument", spec.notes());
        assertEquals(Set.of("RW", "ACCESS", "UPDATE", "VARIABLE_FLAGS"), spec.flags());
        assertEquals(new BeginSearch.Index(1), spec.beginSearch());
        assertEquals(new FindKeys.Range(0, 1, 0), spec.findKeys());
        assertEquals(0, set.arguments().get(0).keySpecIndex());
        assertEquals(-1, set.arguments().get(1).keySpecIndex());

        CommandDeclaration getset = CommandFile.load("getset.json");
        assertEquals(Set.of("DEPRECATED"), getset.docFlags());
        assertEquals("6.2.0", getset.deprecatedSince());
        assertEquals("`SET` with the `!GET` argument", getset.replacedBy());
    }

    @Test
    void aMissingFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandFile.load("nosuch.json"));
        assertEquals("commands/nosuch.json: no such resource on the classpath", e.getMessage());
    }

    @Test
    void faultsNameTheFileAndTheFault() {
        assertFault("{", "not valid JSON");
        assertFault("{\"PING\": {}, \"PONG\": {}}", "the file must have exactly one field, not 2");
        assertFault("{\"ping\": {}}", "the command name must be upper case");
        assertFault("{\"PING\": {\"group\": \"connection\", \"since\": \"1.0.0\", \"arity\": -1}}",
                "PING lacks \"summary\"");
        assertFault(MINIMAL.formatted(", \"sumary\": \"x\""), "PING has unknown field \"sumary\"");
        assertFault(MINIMAL.formatted(", \"arity\": 2"), "Duplicate field 'arity'");
        assertFault(MINIMAL.formatted(", \"command_flags\": [\"FAST\", \"MOVABLEKEYS\"]"),
                "PING.command_flags must not list MOVABLEKEYS");
        assertFault(MINIMAL.formatted(", \"command_flags\": [\"QUICK\"]"),
                "PING.command_flags has unknown name \"QUICK\"");
        assertFault(MINIMAL.formatted(", \"acl_categories\": [\"@FAST\"]"), "PING.acl_categories has unknown name");
        assertFault(MINIMAL.formatted(", \"arguments\": [{\"name\": \"k\", \"type\": \"key\", \"key_spec_index\": 0}]"),
                "PING.arguments[0].key_spec_index 0 points past the 0 key specs");
        assertFault(MINIMAL.formatted(", \"arguments\": [{\"name\": \"m\", \"type\": \"oneof\"}]"),
                "PING.arguments[0] must have arguments if and only if it is a oneof or block");
        assertFault(MINIMAL.formatted(", \"key_specs\": [{\"flags\": [], \"begin_search\": {\"index\": {\"pos\": 0}}, "
                + "\"find_keys\": {\"unknown\": null}}]"), "begin_search index pos must be at least 1");
        assertFault(MINIMAL.formatted(", \"key_specs\": [{\"flags\": [], \"begin_search\": {\"index\": {\"pos\": 1}}, "
                + "\"find_keys\": {\"range\": {\"lastkey\": 0, \"step\": 0, \"limit\": 0}}}]"),
                "find_keys range step must be at least 1");
        assertFault(MINIMAL.formatted(", \"container\": \"CLIENT\""), "declares client|ping, whose file would be "
                + "client-ping.json");
    }

    private static void assertFault(String json, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CommandFile.parse("ping.json", json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("commands/ping.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
