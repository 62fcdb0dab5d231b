package io.portbind.kv.scripting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.portbind.kv.declaration.CommandFlag;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandSpec;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The client a script's {@code redis.call} runs commands as (Redis's script client): its own session, in the
 * caller's database, RESP2 unless the script said {@code redis.setresp(3)}, with blocking commands answering at once
 * as inside EXEC. Each command gets the checks Redis's {@code scriptCall} makes, then runs through the dispatcher,
 * which holds the lock already held by the script, so the whole script stays one atomic unit and its commands
 * propagate as one MULTI ... EXEC.
 */
final class ScriptClient {

    private final Dispatcher dispatcher;
    private final ServerState server;
    private final Session session;
    private final Call call;
    private final RunningScript script;
    private final boolean overMemoryAtStart;
    private final ByteBuf replies = Unpooled.buffer();

    ScriptClient(ServerState server, Session caller, RunningScript script) {
        this.server = server;
        this.dispatcher = server.dispatcher();
        this.session = new Session(0, caller.channel(), true, () -> { });
        this.session.db(caller.db());
        this.session.setInTransaction(true);
        this.session.reply().target(replies);
        this.call = new Call(session, server);
        this.script = script;
        this.overMemoryAtStart = server.memoryLimit().outOfMemory();
    }

    /** The protocol the script reads replies in: 2, or 3 after {@code redis.setresp(3)}. */
    int resp() {
        return session.protocol();
    }

    void resp(int version) {
        session.protocol(version);
    }

    /**
     * Runs {@code argv} and returns its reply as Lua values. An error reply, and any refusal, is raised as an error
     * table when {@code raise} (redis.call), returned as one otherwise (redis.pcall).
     */
    LuaValue run(byte[][] argv, boolean raise) {
        String refusal = refusal(argv);
        if (refusal != null) {
            return failed(ScriptErrors.table(refusal), raise);
        }
        CommandSpec spec = dispatcher.resolve(argv);
        replies.clear();
        dispatcher.execute(call, argv, spec);
        if (spec.has(CommandFlag.WRITE)) {
            script.wrote();
        }
        LuaValue reply = RespToLua.read(replies);
        if (reply.istable() && reply.rawget("err").isstring() && reply.rawlen() == 0) {
            return failed(reply, raise);
        }
        return reply;
    }

    void close() {
        replies.release();
    }

    private static LuaValue failed(LuaValue error, boolean raise) {
        if (raise) {
            throw new LuaError(error);
        }
        return error;
    }

    /** Redis 7.0's {@code scriptCall} checks, in its order; null when the command may run. */
    private String refusal(byte[][] argv) {
        CommandSpec spec = dispatcher.resolve(argv);
        if (spec == null) {
            return "ERR Unknown Redis command called from script";
        }
        if (!spec.acceptsArgCount(argv.length) || spec.isContainer()) {
            return "ERR Wrong number of args calling Redis command from script";
        }
        if (spec.has(CommandFlag.NOSCRIPT)) {
            return "ERR This Redis command is not allowed from script";
        }
        if (spec.has(CommandFlag.WRITE) && script.flags().noWrites()) {
            return "ERR Write commands are not allowed from read-only scripts.";
        }
        if (spec.has(CommandFlag.DENYOOM) && overMemoryAtStart && !script.flags().allowOom()) {
            return "OOM command not allowed when used memory > 'maxmemory'.";
        }
        return null;
    }
}
