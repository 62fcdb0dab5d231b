package io.portbind.kv.scripting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code redis} table scripts see, as Redis 7.0's: {@code call}, {@code pcall}, {@code error_reply},
 * {@code status_reply}, {@code sha1hex}, {@code log} with the {@code LOG_*} levels, {@code setresp},
 * {@code set_repl} with the {@code REPL_*} flags, {@code replicate_commands} and {@code REDIS_VERSION}.
 */
final class RedisLibrary {

    private static final Logger LOG = LoggerFactory.getLogger("script");
    private static final String VERSION = "7.0.15";
    private static final int VERSION_NUM = 0x00070f;
    private static final int REPL_ALL = 3;

    private RedisLibrary() {
    }

    /** The table; {@code client} gives the running script's client. */
    static LuaTable create(Supplier<ScriptClient> client) {
        LuaTable redis = new LuaTable();
        redis.set("call", function(args -> client.get().run(commandArguments(args), true)));
        redis.set("pcall", function(args -> client.get().run(commandArguments(args), false)));
        redis.set("error_reply", function(args -> {
            String text = singleString(args);
            return ScriptErrors.table(text.startsWith("-") ? text.substring(1) : text);
        }));
        redis.set("status_reply", function(args -> {
            LuaTable status = new LuaTable();
            status.rawset("ok", LuaString.valueOf(singleString(args)));
            return status;
        }));
        redis.set("sha1hex", function(args -> {
            if (args.narg() != 1) {
                throw new LuaError("wrong number of arguments");
            }
            return LuaValue.valueOf(sha1hex(LuaToReply.bytes(args.arg1().tostring())));
        }));
        redis.set("log", function(RedisLibrary::log));
        redis.set("setresp", function(args -> {
            if (args.narg() != 1) {
                throw new LuaError(ScriptErrors.table("ERR redis.setresp() requires one argument."));
            }
            int version = args.checkint(1);
            if (version != 2 && version != 3) {
                throw new LuaError(ScriptErrors.table("ERR RESP version must be 2 or 3."));
            }
            client.get().resp(version);
            return LuaValue.NONE;
        }));
        redis.set("set_repl", function(args -> {
            if (args.narg() != 1) {
                throw new LuaError(ScriptErrors.table("ERR redis.set_repl() requires one argument."));
            }
            int flags = args.checkint(1);
            if (flags < 0 || flags > REPL_ALL) {
                throw new LuaError(ScriptErrors.table("ERR Invalid replication flags. Use REPL_AOF, REPL_REPLICA, "
                        + "REPL_ALL or REPL_NONE."));
            }
            return LuaValue.NONE;
        }));
        redis.set("replicate_commands", function(args -> LuaValue.TRUE));
        redis.set("REPL_NONE", 0);
        redis.set("REPL_AOF", 1);
        redis.set("REPL_SLAVE", 2);
        redis.set("REPL_REPLICA", 2);
        redis.set("REPL_ALL", REPL_ALL);
        redis.set("LOG_DEBUG", 0);
        redis.set("LOG_VERBOSE", 1);
        redis.set("LOG_NOTICE", 2);
        redis.set("LOG_WARNING", 3);
        redis.set("REDIS_VERSION", VERSION);
        redis.set("REDIS_VERSION_NUM", VERSION_NUM);
        return redis;
    }

    /**
     * The {@code redis} table library code sees while FUNCTION LOAD runs it (Redis's library API):
     * {@code register_function}, {@code log} and the version, nothing that touches data.
     */
    static LuaTable loadApi(FunctionRegistration registration) {
        LuaTable redis = new LuaTable();
        redis.set("register_function", registration);
        redis.set("log", function(RedisLibrary::log));
        redis.set("LOG_DEBUG", 0);
        redis.set("LOG_VERBOSE", 1);
        redis.set("LOG_NOTICE", 2);
        redis.set("LOG_WARNING", 3);
        redis.set("REDIS_VERSION", VERSION);
        redis.set("REDIS_VERSION_NUM", VERSION_NUM);
        LuaTable names = new LuaTable();
        names.set("redis", redis);
        return names;
    }

    /** The lower-case hex SHA-1 of {@code bytes}: script names, and redis.sha1hex. */
    static String sha1hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Varargs log(Varargs args) {
        if (args.narg() < 2) {
            throw new LuaError("redis.log() requires two arguments or more.");
        }
        if (!args.isnumber(1)) {
            throw new LuaError("First argument must be a number (log level).");
        }
        int level = args.checkint(1);
        if (level < 0 || level > 3) {
            throw new LuaError("Invalid debug level.");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 2; i <= args.narg(); i++) {
            if (i > 2) {
                text.append(' ');
            }
            text.append(args.arg(i).tojstring());
        }
        switch (level) {
            case 0 -> LOG.debug("{}", text);
            case 1, 2 -> LOG.info("{}", text);
            default -> LOG.warn("{}", text);
        }
        return LuaValue.NONE;
    }

    /** redis.call's arguments: strings, or numbers as Lua writes them; anything else is refused as Redis does. */
    private static byte[][] commandArguments(Varargs args) {
        int count = args.narg();
        if (count == 0) {
            throw new LuaError(ScriptErrors.table("ERR Please specify at least one argument for this redis lib call"));
        }
        byte[][] argv = new byte[count][];
        for (int i = 0; i < count; i++) {
            LuaValue value = args.arg(i + 1);
            if (value.type() != LuaValue.TSTRING && value.type() != LuaValue.TNUMBER) {
                throw new LuaError(ScriptErrors.table(
                        "ERR Lua redis lib command arguments must be strings or integers"));
            }
            argv[i] = value.type() == LuaValue.TSTRING ? LuaToReply.bytes(value)
                    : value.tojstring().getBytes(StandardCharsets.US_ASCII);
        }
        return argv;
    }

    private static String singleString(Varargs args) {
        if (args.narg() != 1 || !args.isstring(1)) {
            throw new LuaError("wrong number or type of arguments");
        }
        return args.tojstring(1);
    }

    private static VarArgFunction function(java.util.function.Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return body.apply(args);
            }
        };
    }
}
