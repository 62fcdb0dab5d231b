package io.portbind.kv.scripting;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Redis's count hook ({@code luaMaskCountHook}): LuaJ calls {@link #onInstruction} before every instruction of a
 * script, and every {@link #CHECK_EVERY} instructions this asks the running script whether it is busy (past
 * {@code busy-reply-threshold}) or was killed. A killed script gets an error raised at the instruction it is at, and
 * again at every later instruction, so a {@code pcall} in the script cannot swallow it for long. LuaJ's own call-stack
 * bookkeeping is left out (the hook is the only debugging the sandbox has); only the last instruction's function
 * and position are kept, for error lines.
 */
final class ScriptWatchdog extends DebugLib {

    /** Redis checks every 100,000 instructions as well. */
    private static final int CHECK_EVERY = 100_000;

    private static final int MAX_DEPTH = 256;

    private RunningScript running;
    private int countdown = CHECK_EVERY;
    /** The Lua functions being run, innermost last (null for Java ones), to know the line of the last instruction. */
    private final LuaFunction[] calls = new LuaFunction[MAX_DEPTH];
    private int depth;
    private LuaClosure lastClosure;
    private int lastPc;

    /** Watches {@code script} until {@link #stop}. */
    void watch(RunningScript script) {
        this.running = script;
        this.countdown = CHECK_EVERY;
        this.depth = 0;
        this.lastClosure = null;
    }

    /**
     * The line of the script's last instruction, or 0: where a Java function raised an error after a tail call
     * (LuaJ then has no frame to name), as Redis's error handler finds the current line.
     */
    int lastLine() {
        LuaClosure closure = lastClosure;
        if (closure == null || closure.p.lineinfo == null || lastPc >= closure.p.lineinfo.length) {
            return 0;
        }
        return closure.p.lineinfo[lastPc];
    }

    void stop() {
        this.running = null;
    }

    @Override
    public void onInstruction(int pc, Varargs varargs, int top) {
        RunningScript script = running;
        if (script == null) {
            return;
        }
        if (depth > 0 && depth <= MAX_DEPTH && calls[depth - 1] instanceof LuaClosure closure) {
            lastClosure = closure;
            lastPc = pc;
        }
        if (script.killed()) {
            throw new LuaError(script.killError());
        }
        if (--countdown > 0) {
            return;
        }
        countdown = CHECK_EVERY;
        script.checkTime();
    }

    @Override
    public void onCall(LuaFunction function) {
        push(function);
    }

    @Override
    public void onCall(LuaClosure closure, Varargs varargs, LuaValue[] stack) {
        push(closure);
    }

    @Override
    public void onReturn() {
        if (depth > 0) {
            depth--;
            if (depth < MAX_DEPTH) {
                calls[depth] = null;
            }
        }
    }

    /** No traceback: error replies carry only the message and its position, as Redis's. */
    @Override
    public String traceback(int level) {
        return "";
    }

    private void push(LuaFunction function) {
        if (depth < MAX_DEPTH) {
            calls[depth] = function;
        }
        depth++;
    }
}
