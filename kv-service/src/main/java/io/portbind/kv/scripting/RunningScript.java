package io.portbind.kv.scripting;

import io.portbind.kv.table.Session;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The script being run (Redis's {@code scriptRunCtx}): who runs it, since when, whether it may write and whether it
 * did, and whether SCRIPT KILL or FUNCTION KILL asked it to stop. Read from other clients' threads, so what they look
 * at is volatile.
 */
final class RunningScript {

    /** Redis's {@code shared.slowevalerr}. */
    static final String BUSY_EVAL =
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    /** Redis's {@code shared.slowscripterr}. */
    static final String BUSY_FUNCTION =
            "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";

    private final Session caller;
    private final ScriptKind kind;
    private final String name;
    private final ScriptFlags flags;
    private final byte[][] command;
    private final long startedNanos = System.nanoTime();
    private final long thresholdNanos;
    private volatile boolean busy;
    private volatile boolean killed;
    private volatile boolean wrote;

    RunningScript(Session caller, byte[][] command, ScriptKind kind, String name, ScriptFlags flags,
                  long thresholdMillis) {
        this.caller = caller;
        this.command = command;
        this.kind = kind;
        this.name = name;
        this.flags = flags;
        this.thresholdNanos = thresholdMillis * 1_000_000;
    }

    Session caller() {
        return caller;
    }

    /** The command that runs the script (FCALL name numkeys ...), for FUNCTION STATS. */
    byte[][] command() {
        return command;
    }

    ScriptKind kind() {
        return kind;
    }

    /** The sha of an EVAL script, the function name of an FCALL: what error replies name after {@code script:}. */
    String name() {
        return name;
    }

    ScriptFlags flags() {
        return flags;
    }

    /** Called by the watchdog now and then: past the threshold the script becomes busy. */
    void checkTime() {
        if (!busy && thresholdNanos > 0 && System.nanoTime() - startedNanos >= thresholdNanos) {
            busy = true;
        }
    }

    boolean busy() {
        return busy;
    }

    long runningMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The script ran a write command (SCRIPT KILL then answers UNKILLABLE). */
    void wrote() {
        this.wrote = true;
    }

    boolean hasWritten() {
        return wrote;
    }

    void kill() {
        this.killed = true;
    }

    boolean killed() {
        return killed;
    }

    /** The error raised in the killed script, as Redis's {@code luaPushError} builds it. */
    LuaValue killError() {
        LuaTable error = new LuaTable();
        error.set("err", "ERR Script killed by user with " + kind.killCommand() + "...");
        return error;
    }

    /** The -BUSY text others get while this script is busy. */
    String busyError() {
        return kind == ScriptKind.EVAL ? BUSY_EVAL : BUSY_FUNCTION;
    }
}
