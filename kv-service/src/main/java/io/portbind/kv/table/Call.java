package io.portbind.kv.table;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.resp.Reply;
import java.nio.charset.StandardCharsets;

/**
 * One command being executed: its arguments, the client's session, the keyspace and the reply
 * writer. One instance per connection is reused for each command, so the hot path allocates nothing.
 */
public final class Call {

    private final Session session;
    private final ServerState server;
    private byte[][] args;
    private CommandSpec spec;

    public Call(Session session, ServerState server) {
        this.session = session;
        this.server = server;
    }

    void reset(byte[][] arguments, CommandSpec command) {
        this.args = arguments;
        this.spec = command;
    }

    public CommandSpec spec() {
        return spec;
    }

    public Session session() {
        return session;
    }

    public ServerState server() {
        return server;
    }

    public Keyspace keyspace() {
        return server.keyspace();
    }

    /** The client's selected database. */
    public Database db() {
        return server.keyspace().database(session.db());
    }

    public Reply reply() {
        return session.reply();
    }

    /** All arguments; index 0 is the command name. */
    public byte[][] args() {
        return args;
    }

    public int argCount() {
        return args.length;
    }

    public byte[] arg(int index) {
        return args[index];
    }

    /** Argument {@code index} as text, one character per byte (binary-safe in error messages). */
    public String text(int index) {
        return new String(args[index], StandardCharsets.ISO_8859_1);
    }

    /** Argument {@code index} as an integer, or {@code ERR value is not an integer or out of range}. */
    public long longArg(int index) {
        return Numbers.parseLong(args[index]);
    }

    /** {@code ERR wrong number of arguments for '<command>' command}, for argument counts the arity cannot express. */
    public CommandError arityError() {
        return new CommandError("ERR wrong number of arguments for '" + spec.fullName() + "' command");
    }

    /**
     * Whether this command's effects are being propagated (an AOF is on). A body whose effect differs from its
     * text checks this before building what {@link #propagateAs} or {@link #alsoPropagate} take, so that
     * nothing is built while nothing listens.
     */
    public boolean propagating() {
        return server.propagation().recording();
    }

    /**
     * Propagates this command, if it changed the data, as {@code argv} instead of its own arguments (Redis's
     * {@code rewriteClientCommandVector}): {@code SET key value PXAT ms} for {@code SET key value EX s}. Most
     * bodies never call this: by default a command that changed the data propagates as it was received.
     */
    public void propagateAs(byte[]... argv) {
        if (propagating()) {
            server.propagation().rewrite(argv);
        }
    }

    /**
     * Propagates {@code argv}, in the client's database, before this command's own propagation (Redis's
     * {@code alsoPropagate}): each {@code SREM} of an {@code SPOP} with a count. Several in one command are
     * wrapped in MULTI ... EXEC.
     */
    public void alsoPropagate(byte[]... argv) {
        if (propagating()) {
            server.propagation().alsoPropagate(session.db(), argv);
        }
    }

    /** This command propagates even when it changed no data (FLUSHDB and FLUSHALL of empty databases). */
    public void forcePropagation() {
        if (propagating()) {
            server.propagation().force();
        }
    }

    /** This command's own arguments are not propagated, only what it gave {@link #alsoPropagate}. */
    public void preventPropagation() {
        if (propagating()) {
            server.propagation().prevent();
        }
    }

    /** Whether argument {@code index} is {@code word}, ignoring ASCII case; {@code word} is lower case. */
    public boolean is(int index, String word) {
        byte[] arg = args[index];
        if (arg.length != word.length()) {
            return false;
        }
        for (int i = 0; i < arg.length; i++) {
            int c = arg[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
