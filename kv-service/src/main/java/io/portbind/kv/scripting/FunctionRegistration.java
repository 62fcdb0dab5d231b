package io.portbind.kv.scripting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code redis.register_function}, as Redis 7.0's {@code luaRegisterFunction}: {@code (name, callback)} or one table
 * of named arguments {@code {function_name=, callback=, flags={...}, description=}}, each checked with Redis's texts.
 */
final class FunctionRegistration extends VarArgFunction {

    /** The flags a function may declare, in the order Redis lists them. */
    static final List<String> FLAG_ORDER = List.of("no-writes", "allow-oom", "allow-stale", "no-cluster",
            "allow-cross-slot-keys");

    private final Consumer<LibraryFunction> registered;

    FunctionRegistration(Consumer<LibraryFunction> registered) {
        this.registered = registered;
    }

    @Override
    public Varargs invoke(Varargs args) {
        if (args.narg() == 0 || args.narg() > 2) {
            throw failure("wrong number of arguments to redis.register_function");
        }
        String name;
        LuaValue callback;
        List<String> flags = List.of();
        String description = null;
        if (args.narg() == 2) {
            if (args.arg(1).type() != LuaValue.TSTRING) {
                throw failure("first argument to redis.register_function must be a string");
            }
            if (!args.arg(2).isfunction()) {
                throw failure("second argument to redis.register_function must be a function");
            }
            name = functionName(args.arg(1));
            callback = args.arg(2);
        } else {
            if (!args.arg1().istable()) {
                throw failure("calling redis.register_function with a single argument is only applicable to Lua "
                        + "table (representing named arguments).");
            }
            LuaTable named = (LuaTable) args.arg1();
            name = null;
            callback = null;
            LuaValue key = LuaValue.NIL;
            while (true) {
                Varargs next = named.next(key);
                key = next.arg1();
                if (key.isnil()) {
                    break;
                }
                LuaValue value = next.arg(2);
                switch (key.isstring() ? key.tojstring() : "") {
                    case "function_name" -> name = functionName(value);
                    case "callback" -> callback = callback(value);
                    case "description" -> {
                        if (!value.isstring()) {
                            throw failure("description argument given to redis.register_function must be a string");
                        }
                        description = value.tojstring();
                    }
                    case "flags" -> flags = flags(value);
                    default -> throw failure("unknown argument given to redis.register_function");
                }
            }
            if (name == null) {
                throw failure("redis.register_function must get a function name argument");
            }
            if (callback == null) {
                throw failure("redis.register_function must get a callback argument");
            }
        }
        registered.accept(new LibraryFunction(name, callback, flags, description));
        return LuaValue.NONE;
    }

    /** Whether {@code name} may name a library or a function: letters, digits and underscores, at least one. */
    static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c == '_' || c < 128 && Character.isLetterOrDigit(c));
    }

    private static String functionName(LuaValue value) {
        if (value.type() != LuaValue.TSTRING) {
            throw failure("function_name argument given to redis.register_function must be a string");
        }
        String name = value.tojstring();
        if (!validName(name)) {
            // Redis 7.0 says "Library names" here too.
            throw failure("Library names can only contain letters, numbers, or underscores(_) and must be at "
                    + "least one character long");
        }
        return name;
    }

    private static LuaValue callback(LuaValue value) {
        if (!value.isfunction()) {
            throw failure("callback argument given to redis.register_function must be a function");
        }
        return value;
    }

    private static List<String> flags(LuaValue value) {
        if (!value.istable()) {
            throw failure("flags argument to redis.register_function must be a table representing function flags");
        }
        List<String> given = new ArrayList<>();
        for (int i = 1; !value.get(i).isnil(); i++) {
            String flag = value.get(i).tojstring();
            if (!FLAG_ORDER.contains(flag)) {
                throw failure("unknown flag given");
            }
            given.add(flag);
        }
        return FLAG_ORDER.stream().filter(given::contains).toList();
    }

    private static LuaError failure(String message) {
        return new LuaError(ScriptErrors.table("ERR " + message));
    }
}
