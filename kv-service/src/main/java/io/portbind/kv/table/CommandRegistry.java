package io.portbind.kv.table;

import io.portbind.kv.declaration.CommandDeclaration;
import io.portbind.kv.declaration.CommandFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the bodies the command families bind to command names, then builds the table: each name's
 * declaration comes from its command file ({@code commands/<name>.json}, {@code commands/config-get.json} for
 * {@code config|get}), so the Java code says nothing about a command but which body runs it. A container file
 * ({@code config.json}) is read when one of its subcommands is bound.
 */
public final class CommandRegistry {

    private final ServerState server;
    private final Map<String, Command> bodies = new LinkedHashMap<>();
    private final Map<String, CommandDeclaration> declarations = new LinkedHashMap<>();
    private TransactionEnder transactions = session -> session.transaction(null);

    public CommandRegistry(ServerState server) {
        this.server = server;
    }

    /** The shared server state, for families that keep their own (pub/sub channels, watched keys). */
    public ServerState server() {
        return server;
    }

    /**
     * Binds {@code body} to the command named {@code fullName} ({@code get}, or {@code config|get} for a
     * subcommand), declared by its command file.
     */
    public CommandRegistry bind(String fullName, Command body) {
        return bind(CommandFile.load(fullName.replace('|', '-') + ".json"), body);
    }

    /** Binds {@code body} to a command declared in code rather than by a file (tests of the dispatcher only). */
    public CommandRegistry bind(CommandDeclaration declaration, Command body) {
        String fullName = declaration.fullName();
        if (bodies.putIfAbsent(fullName, body) != null) {
            throw new IllegalStateException("command bound twice: " + fullName);
        }
        declarations.put(fullName, declaration);
        return this;
    }

    /** How a transaction is discarded when EXEC itself is refused; the transactions feature sets it. */
    public CommandRegistry transactions(TransactionEnder ender) {
        this.transactions = ender;
        return this;
    }

    /** Registers every family and returns the dispatcher over the finished table. */
    public Dispatcher build(List<CommandFamily> families) {
        for (CommandFamily family : families) {
            family.register(this);
        }
        Dispatcher dispatcher = new Dispatcher(server, new CommandTable(commands()), transactions);
        server.dispatcher(dispatcher);
        return dispatcher;
    }

    /** The top-level commands in binding order, each container with its subcommands in binding order. */
    private List<CommandSpec> commands() {
        Map<String, List<CommandSpec>> subcommands = new LinkedHashMap<>();
        Map<String, CommandDeclaration> topLevel = new LinkedHashMap<>();
        declarations.forEach((fullName, declaration) -> {
            if (declaration.isSubcommand()) {
                String container = declaration.container().toLowerCase(Locale.ROOT);
                subcommands.computeIfAbsent(container, name -> new ArrayList<>())
                        .add(new CommandSpec(declaration, bodies.get(fullName), List.of()));
                topLevel.computeIfAbsent(container, name -> CommandFile.load(name + ".json"));
            } else {
                topLevel.putIfAbsent(fullName, declaration);
            }
        });
        List<CommandSpec> commands = new ArrayList<>();
        topLevel.forEach((name, declaration) -> commands.add(
                new CommandSpec(declaration, bodies.get(name), subcommands.getOrDefault(name, List.of()))));
        return commands;
    }
}
