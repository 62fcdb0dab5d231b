package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.declaration.CommandFile;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;
import io.portbind.kv.table.CommandTable;
import io.portbind.kv.table.ServerState;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command files and the bodies the families bind are the same set: a file nobody binds is a command
 * COMMAND would list but nothing runs, and a body without a file would not start at all.
 */
class CommandTableCompletenessTest {

    @Test
    void everyCommandFileHasABodyAndEveryBodyAFile() throws IOException, URISyntaxException {
        ServerState server = new ServerState(new Keyspace(), null);
        CommandTable table = new CommandRegistry(server)
                .build(CommandFamilies.create(new BlockedClients(server.keyspace()))).table();
        Set<String> bound = new TreeSet<>();
        for (CommandSpec spec : table.all()) {
            assertTrue(spec.body() != null || spec.isContainer(), spec.fullName() + " has no body and no subcommands");
            bound.add(spec.declaration().fileName());
            for (CommandSpec sub : spec.subcommands().values()) {
                assertNotNull(sub.body(), sub.fullName() + " has no body");
                bound.add(sub.declaration().fileName());
            }
        }
        assertEquals(files(), bound);
    }

    private static Set<String> files() throws IOException, URISyntaxException {
        Path directory = Path.of(CommandFile.class.getClassLoader().getResource(CommandFile.DIRECTORY).toURI());
        try (Stream<Path> listing = Files.list(directory)) {
            Set<String> names = new TreeSet<>();
            listing.forEach(file -> names.add(file.getFileName().toString()));
            return names;
        }
    }
}
