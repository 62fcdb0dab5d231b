package io.portbind.kv.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file under {@code src/main/resources/commands/} (the tests run in the module directory). */
class CommandFilesTest {

    private static final Path DIRECTORY = Path.of("src/main/resources/commands");

    @Test
    void everyFileParsesAndHangsTogether() throws IOException {
        Map<String, CommandDeclaration> byFullName = new HashMap<>();
        for (String file : fileNames()) {
            CommandDeclaration declaration = CommandFile.load(file);
            assertEquals(file, declaration.fileName(), "the name declared in " + file);
            byFullName.put(declaration.fullName(), declaration);
            assertKeySpecIndexes(file, declaration.keySpecs().size(), declaration.arguments());
        }
        Map<String, Integer> subcommandCounts = new HashMap<>();
        for (CommandDeclaration declaration : byFullName.values()) {
            if (declaration.isSubcommand()) {
                String container = declaration.container().toLowerCase(Locale.ROOT);
                CommandDeclaration parent = byFullName.get(container);
                assertTrue(parent != null, declaration.fileName() + " names container " + container
                        + ", which has no file");
                assertFalse(parent.isSubcommand(), container + " is itself a subcommand");
                subcommandCounts.merge(container, 1, Integer::sum);
            }
        }
        for (String container : subcommandCounts.keySet()) {
            CommandDeclaration parent = byFullName.get(container);
            // Arity -2 for most, but COMMAND runs alone too (-1); no keys or arguments of their own.
            assertTrue(parent.arity() < 0, container + " is a container");
            assertTrue(parent.keySpecs().isEmpty() && parent.arguments().isEmpty(), container + " is a container");
        }
        assertEquals(Map.of("client", 11, "command", 5, "config", 5, "object", 5, "pubsub", 3, "xgroup", 6,
                "xinfo", 4, "script", 5, "function", 9), subcommandCounts);
    }

    private static void assertKeySpecIndexes(String file, int keySpecs, List<ArgumentSpec> arguments) {
        for (ArgumentSpec argument : arguments) {
            assertTrue(argument.keySpecIndex() < keySpecs, file + ": " + argument.name() + " has key_spec_index "
                    + argument.keySpecIndex() + " of " + keySpecs + " specs");
            assertTrue(argument.hasKeySpec() || !argument.type().equals("key"), file + ": key " + argument.name());
            assertKeySpecIndexes(file, keySpecs, argument.arguments());
        }
    }

    private static List<String> fileNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            files.forEach(path -> names.add(path.getFileName().toString()));
        }
        for (String name : names) {
            assertTrue(name.endsWith(".json"), DIRECTORY + " holds " + name);
        }
        assertFalse(names.isEmpty(), DIRECTORY + " is empty");
        return names;
    }
}
