package io.portbind.kv.scripting;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.BusyScript;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Runs scripts, one at a time under the keyspace lock, in one {@link LuaSandbox}: sets KEYS and ARGV, the script's
 * client and the watchdog, turns the result or the error into the caller's reply. It is the server's
 * {@link BusyScript}: while a script runs past {@code busy-reply-threshold}, others get its {@code -BUSY} error.
 */
final class ScriptEngine implements BusyScript {

    /** Redis's default {@code busy-reply-threshold} (alias {@code lua-time-limit}), in milliseconds. */
    static final long DEFAULT_BUSY_THRESHOLD = 5000;

    private final ServerState server;
    private final ScriptWatchdog watchdog = new ScriptWatchdog();
    private final LuaSandbox sandbox = new LuaSandbox(watchdog);
    /** Functions live in a Lua world of their own, as in Redis 7.0. */
    private final LuaSandbox functionSandbox = new LuaSandbox(watchdog);
    private final LuaTable libraryApi;
    private List<LibraryFunction> registering;
    private volatile long busyThresholdMillis = DEFAULT_BUSY_THRESHOLD;
    private volatile RunningScript running;
    private ScriptClient client;

    ScriptEngine(ServerState server) {
        this.server = server;
        for (LuaSandbox world : List.of(sandbox, functionSandbox)) {
            world.library("redis", RedisLibrary.create(() -> client));
            world.library("bit", BitLibrary.create());
            world.library("cjson", CjsonLibrary.create());
            world.seal();
        }
        libraryApi = RedisLibrary.loadApi(new FunctionRegistration(function -> registering.add(function)));
    }

    /**
     * Runs a library's code (its shebang line emptied) with only the library API, and returns the functions it
     * registered, in order; throws FUNCTION LOAD's errors. Under the keyspace lock.
     */
    List<LibraryFunction> loadLibrary(byte[] code) {
        LuaValue chunk = compile(ScriptKind.FUNCTION, code);
        registering = new ArrayList<>();
        functionSandbox.loading(libraryApi);
        try {
            chunk.call();
            return registering;
        } catch (LuaError error) {
            throw new CommandError("ERR Error registering functions: "
                    + ScriptErrors.message(error, ScriptKind.FUNCTION.chunkName(), 0));
        } finally {
            functionSandbox.loading(null);
            registering = null;
        }
    }

    /** Compiles a script body (its shebang line emptied), or throws Redis's compile error. */
    LuaValue compile(ScriptKind kind, byte[] body) {
        LuaSandbox world = kind == ScriptKind.EVAL ? sandbox : functionSandbox;
        try {
            return world.compile(kind.chunkName(), ScriptFlags.withoutShebang(body));
        } catch (LuaError error) {
            throw new CommandError(ScriptErrors.compile(error, kind));
        }
    }

    /**
     * Runs {@code function} for {@code call}'s client with the keys and arguments at {@code call}'s positions
     * {@code firstKey ..}, as KEYS and ARGV (EVAL) or as its two parameters (FCALL); the script's reply, or its
     * error, becomes the client's reply. Under the keyspace lock.
     */
    void run(Call call, ScriptKind kind, String name, LuaValue function, ScriptFlags flags, int firstKey,
             int keyCount) {
        RunningScript script = new RunningScript(call.session(), call.args(), kind, name, flags,
                busyThresholdMillis);
        ScriptClient scriptClient = new ScriptClient(server, call.session(), script);
        LuaTable keys = table(call, firstKey, keyCount);
        LuaTable args = table(call, firstKey + keyCount, call.argCount() - firstKey - keyCount);
        if (kind == ScriptKind.EVAL) {
            sandbox.arguments(keys, args);
        }
        call.preventPropagation();
        client = scriptClient;
        running = script;
        watchdog.watch(script);
        try {
            LuaValue result = kind == ScriptKind.EVAL ? function.call() : function.call(keys, args);
            LuaToReply.write(call.reply(), result, scriptClient.resp());
        } catch (LuaError error) {
            call.reply().error(ScriptErrors.reply(error, name, kind.chunkName(), watchdog.lastLine()));
        } catch (StackOverflowError overflow) {
            call.reply().error("ERR Error running script " + name + ", stack overflow");
        } finally {
            watchdog.stop();
            running = null;
            client = null;
            sandbox.arguments(LuaValue.NIL, LuaValue.NIL);
            scriptClient.close();
        }
    }

    /**
     * SCRIPT KILL and FUNCTION KILL (Redis's {@code scriptKill}): stops the running script of {@code kind} at its
     * next instruction, unless it has written. Runs without the keyspace lock while the script is busy.
     */
    void kill(ScriptKind kind) {
        RunningScript script = running;
        if (script == null) {
            throw new CommandError("NOTBUSY No scripts in execution right now.");
        }
        if (script.hasWritten()) {
            throw new CommandError("UNKILLABLE Sorry the script already executed write commands against the "
                    + "dataset. You can either wait the script termination or kill the server in a hard way using "
                    + "the SHUTDOWN NOSAVE command.");
        }
        if (script.kind() != kind) {
            throw new CommandError(kind == ScriptKind.EVAL ? RunningScript.BUSY_FUNCTION : RunningScript.BUSY_EVAL);
        }
        script.kill();
    }

    /** The script running now, or null. */
    RunningScript running() {
        return running;
    }

    long busyThresholdMillis() {
        return busyThresholdMillis;
    }

    void busyThresholdMillis(long millis) {
        this.busyThresholdMillis = millis;
    }

    @Override
    public void abort() {
        RunningScript script = running;
        if (script != null) {
            script.kill();
        }
    }

    @Override
    public String busyError(Session session) {
        RunningScript script = running;
        if (script == null || !script.busy() || script.caller() == session) {
            return null;
        }
        return script.busyError();
    }

    private static LuaTable table(Call call, int from, int count) {
        LuaTable table = new LuaTable(count, 0);
        for (int i = 0; i < count; i++) {
            table.rawset(i + 1, LuaString.valueUsing(call.arg(from + i)));
        }
        return table;
    }
}
