package io.portbind.kv.table;

import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Runs requests through Redis's one order of checks: lookup (and subcommand lookup), arity,
 * authentication, the gates (transactions, subscribed mode), then execution under the keyspace lock.
 * Commands never re-check what the dispatcher guarantees.
 */
public final class Dispatcher {

    /** How much of the name and arguments an "unknown command" error quotes, as Redis. */
    private static final int QUOTE_LIMIT = 128;

    private final ServerState server;
    private final CommandTable table;
    private final CommandGate[] gates;

    Dispatcher(ServerState server, CommandTable table, List<CommandGate> gates) {
        this.server = server;
        this.table = table;
        this.gates = gates.toArray(new CommandGate[0]);
    }

    public CommandTable table() {
        return table;
    }

    /** Checks and executes one request of {@code call}'s client; the reply goes to its reply writer. */
    public void dispatch(Call call, byte[][] args) {
        CommandSpec spec = table.lookup(args[0]);
        call.reset(args, spec);
        if (spec == null) {
            reject(call, unknownCommand(args));
            return;
        }
        if (spec.isContainer() && args.length >= 2) {
            CommandSpec sub = spec.subcommand(new String(args[1], StandardCharsets.ISO_8859_1));
            if (sub == null) {
                reject(call, "ERR unknown subcommand '" + quote(args[1], QUOTE_LIMIT) + "'. Try "
                        + spec.name().toUpperCase(Locale.ROOT) + " HELP.");
                return;
            }
            spec = sub;
            call.reset(args, spec);
        }
        if (!spec.acceptsArgCount(args.length)) {
            reject(call, call.arityError().getMessage());
            return;
        }
        if (!call.session().isAuthenticated() && !spec.has(CommandFlag.NO_AUTH)) {
            reject(call, "NOAUTH Authentication required.");
            return;
        }
        for (CommandGate gate : gates) {
            if (gate.intercept(call)) {
                return;
            }
        }
        execute(call);
    }

    /**
     * Executes an already checked command atomically: under the keyspace lock, turning a
     * {@link CommandError} into its error reply. EXEC calls this for each queued command.
     */
    public void execute(Call call) {
        Keyspace keyspace = server.keyspace();
        CommandSpec spec = call.spec();
        keyspace.lock();
        long started = System.nanoTime();
        boolean failed = false;
        call.session().commandStarted(spec, keyspace.now());
        try {
            spec.body().execute(call);
        } catch (CommandError error) {
            failed = true;
            call.reply().error(error.getMessage());
            server.stats().errorReplied(error.getMessage());
        } finally {
            spec.stats().executed(System.nanoTime() - started, failed);
            server.stats().commandExecuted(keyspace.now());
            keyspace.unlock();
        }
    }

    /** Executes a command checked earlier (a queued command at EXEC): {@code call} is reset to it first. */
    public void execute(Call call, byte[][] args, CommandSpec spec) {
        call.reset(args, spec);
        execute(call);
    }

    private void reject(Call call, String refusal) {
        String error = refusal;
        for (CommandGate gate : gates) {
            error = gate.rejected(call, error);
        }
        if (call.spec() != null) {
            call.spec().stats().rejected();
        }
        server.stats().errorReplied(error);
        call.reply().error(error);
    }

    private static String unknownCommand(byte[][] args) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 1; i < args.length && quoted.length() < QUOTE_LIMIT; i++) {
            quoted.append('\'').append(quote(args[i], QUOTE_LIMIT - quoted.length())).append("' ");
        }
        return "ERR unknown command '" + quote(args[0], QUOTE_LIMIT) + "', with args beginning with: " + quoted;
    }

    private static String quote(byte[] text, int limit) {
        return new String(text, 0, Math.min(text.length, limit), StandardCharsets.ISO_8859_1);
    }
}
