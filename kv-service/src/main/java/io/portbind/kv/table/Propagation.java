package io.portbind.kv.table;

import io.portbind.kv.keyspace.KeyspaceListener;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The effects of commands, as Redis 7.0 propagates them to the AOF and to replicas ({@code call},
 * {@code alsoPropagate} and {@code propagatePendingCommands} in server.c). A command that changed the data
 * (the keyspace's {@code dirty} count moved) propagates its own arguments, or what its body gave
 * {@link Call#propagateAs}; effects it adds with {@link Call#alsoPropagate}, and the {@code DEL} of every key
 * found expired meanwhile, go before it. One execution unit (a command, or a whole EXEC) is handed to the
 * {@link Target} at its end, wrapped in MULTI ... EXEC when it holds more than one command. Keys deleted by
 * the active expire cycle and pops served to blocked clients are units of their own.
 *
 * <p>Everything here runs under the keyspace lock. While no target is set the dispatcher does not call in at
 * all, so the hot path pays one volatile read.
 */
public final class Propagation implements KeyspaceListener {

    /** Where propagated commands go, in order (Redis's {@code feedAppendOnlyFile}). */
    @FunctionalInterface
    public interface Target {

        /**
         * Appends one command that applies to database {@code db}; under the keyspace lock. The arrays are not
         * changed afterwards, and must not be changed by the target.
         */
        void feed(int db, byte[][] argv);
    }

    private static final byte[][] MULTI = {ascii("MULTI")};
    private static final byte[][] EXEC = {ascii("EXEC")};
    private static final byte[] DEL = ascii("DEL");
    /** Nesting of commands run by commands: EXEC runs each queued one, nothing nests deeper. */
    private static final int MAX_DEPTH = 4;

    private volatile Target target;
    private byte[][][] pending = new byte[16][][];
    private int[] pendingDbs = new int[16];
    private int pendingCount;
    private int depth;
    private final byte[][][] rewritten = new byte[MAX_DEPTH + 1][][];
    private final boolean[] prevented = new boolean[MAX_DEPTH + 1];
    private final boolean[] forced = new boolean[MAX_DEPTH + 1];

    /** Whether anything receives propagated commands. */
    public boolean active() {
        return target != null;
    }

    /** Sends what commands propagate from now on to {@code next}, or nowhere when null. Under the lock. */
    public void target(Target next) {
        this.target = next;
    }

    /** Whether a command is running with propagation on: only then do the {@link Call} methods record. */
    boolean recording() {
        return depth > 0;
    }

    /** A command starts (the dispatcher, when {@link #active}). */
    void enter() {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("commands nested deeper than " + MAX_DEPTH);
        }
        depth++;
        rewritten[depth] = null;
        prevented[depth] = false;
        forced[depth] = false;
    }

    /**
     * The command that {@link #enter} began has ended: if it changed the data it propagates in database
     * {@code db} (the client's, as Redis uses {@code c->db}) as {@code args} or what it was rewritten to; EXEC
     * itself never does (its commands did). At the outermost level the unit goes to the target.
     */
    void leave(int db, byte[][] args, boolean dirty, boolean executesTransaction) {
        if ((dirty || forced[depth]) && !prevented[depth] && !executesTransaction) {
            add(db, rewritten[depth] != null ? rewritten[depth] : args);
        }
        rewritten[depth] = null;
        depth--;
        if (depth == 0) {
            flush();
        }
    }

    /** Redis's {@code rewriteClientCommandVector}: the running command propagates as {@code argv}. */
    void rewrite(byte[][] argv) {
        rewritten[depth] = argv;
    }

    /**
     * Redis's {@code forceCommandPropagation}: the running command propagates even if it changed nothing
     * (FLUSHDB and FLUSHALL of empty databases, so a replica or a replay empties what it may hold).
     */
    void force() {
        forced[depth] = true;
    }

    /** Redis's {@code preventCommandPropagation}: the running command's own text is not propagated. */
    void prevent() {
        prevented[depth] = true;
    }

    /**
     * Redis's {@code alsoPropagate}: {@code argv} applies to {@code db} and goes before the running command's
     * own. Outside any command (a pop served to a blocked client) it is a unit of its own at once.
     */
    public void alsoPropagate(int db, byte[][] argv) {
        if (target == null) {
            return;
        }
        add(db, argv);
        if (depth == 0) {
            flush();
        }
    }

    /** Redis 7.0 propagates every expired key, lazily found or actively reclaimed, as {@code DEL key}. */
    @Override
    public void keyExpired(int db, byte[] key) {
        alsoPropagate(db, new byte[][] {DEL, key});
    }

    @Override
    public boolean awaitsReadyKeys() {
        return false;
    }

    private void add(int db, byte[][] argv) {
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, pendingCount * 2);
            pendingDbs = Arrays.copyOf(pendingDbs, pendingCount * 2);
        }
        pending[pendingCount] = argv;
        pendingDbs[pendingCount] = db;
        pendingCount++;
    }

    /** Hands the unit to the target: MULTI in the first command's database, EXEC in the last one's, as Redis. */
    private void flush() {
        Target to = target;
        int count = pendingCount;
        pendingCount = 0;
        if (to == null || count == 0) {
            Arrays.fill(pending, 0, count, null);
            return;
        }
        if (count > 1) {
            to.feed(pendingDbs[0], MULTI);
        }
        for (int i = 0; i < count; i++) {
            to.feed(pendingDbs[i], pending[i]);
            pending[i] = null;
        }
        if (count > 1) {
            to.feed(pendingDbs[count - 1], EXEC);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
