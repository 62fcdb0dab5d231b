package io.portbind.kv.table;

import java.util.ArrayList;
import java.util.List;

/** Collects what the command families declare, then builds the table and the dispatcher. */
public final class CommandRegistry {

    private final ServerState server;
    private final List<CommandSpec> commands = new ArrayList<>();
    private TransactionEnder transactions = session -> session.transaction(null);

    public CommandRegistry(ServerState server) {
        this.server = server;
    }

    /** The shared server state, for families that keep their own (pub/sub channels, blocked clients). */
    public ServerState server() {
        return server;
    }

    public CommandRegistry add(CommandSpec.Builder command) {
        commands.add(command.build());
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
        Dispatcher dispatcher = new Dispatcher(server, new CommandTable(commands), transactions);
        server.dispatcher(dispatcher);
        return dispatcher;
    }
}
