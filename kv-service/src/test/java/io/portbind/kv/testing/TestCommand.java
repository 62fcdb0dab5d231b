package io.portbind.kv.testing;

import io.portbind.kv.declaration.CommandDeclaration;
import io.portbind.kv.declaration.CommandFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A command that exists only in a test, for dispatcher behaviour no real command shows in isolation: declared in
 * the command-file format, with its key (if any) at argument 1.
 */
public final class TestCommand {

    private TestCommand() {
    }

    /** A command named {@code name} taking {@code arity} arguments, with the Redis {@code flags} given. */
    public static CommandDeclaration declaration(String name, int arity, boolean hasKey, String... flags) {
        String flagList = Arrays.stream(flags).map(flag -> '"' + flag + '"').collect(Collectors.joining(", "));
        String keySpecs = hasKey ? "[{\"flags\": [\"RW\", \"ACCESS\"], \"begin_search\": {\"index\": {\"pos\": 1}},"
                + " \"find_keys\": {\"range\": {\"lastkey\": 0, \"step\": 1, \"limit\": 0}}}]" : "[]";
        String json = "{\"" + name.toUpperCase(Locale.ROOT) + "\": {\"summary\": \"Test only.\", \"group\": "
                + "\"generic\", \"since\": \"0.0.0\", \"arity\": " + arity + ", \"command_flags\": [" + flagList
                + "], \"key_specs\": " + keySpecs + "}}";
        return CommandFile.parse(name + ".json", json.getBytes(StandardCharsets.UTF_8));
    }
}
