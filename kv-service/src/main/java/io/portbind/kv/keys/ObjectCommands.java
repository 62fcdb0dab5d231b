package io.portbind.kv.keys;

import io.portbind.kv.keyspace.StoredValue;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Command;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Help;
import java.util.function.BiConsumer;

/** OBJECT ENCODING, FREQ, IDLETIME, REFCOUNT and HELP: how a value is stored, as Redis 7.0 would say. */
public final class ObjectCommands implements CommandFamily {

    /** Redis keeps strings up to this length in one allocation with their header ({@code embstr}). */
    private static final int EMBSTR_LIMIT = 44;
    /** Redis shares one object for each of the integers 0 to 9999 ... */
    private static final long SHARED_INTEGERS = 10_000;
    /** ... and reports the reference count of a shared object as INT_MAX. */
    private static final long SHARED_REFCOUNT = Integer.MAX_VALUE;

    private static final CommandError NO_LFU = new CommandError("ERR An LFU maxmemory policy is not selected, "
            + "access frequency not tracked. Please note that when switching between policies at runtime LRU and "
            + "LFU data will take some time to adjust.");

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("object|encoding", inspecting((call, value) -> call.reply().bulk(encoding(value))))
                .bind("object|freq", inspecting(ObjectCommands::freq))
                .bind("object|idletime", inspecting(ObjectCommands::idleTime))
                .bind("object|refcount", inspecting((call, value) -> call.reply().integer(refcount(value))))
                .bind("object|help", call -> Help.reply(call, "OBJECT <subcommand> [<arg> [value] [opt] ...]. "
                        + "Subcommands are:",
                        "ENCODING <key>",
                        "    Return the kind of internal representation used in order to store the value",
                        "    associated with a <key>.",
                        "FREQ <key>",
                        "    Return the access frequency index of the <key>. The returned integer is",
                        "    proportional to the logarithm of the recent access frequency of the key.",
                        "IDLETIME <key>",
                        "    Return the idle time of the <key>, that is the approximated number of",
                        "    seconds elapsed since the last access to the key.",
                        "REFCOUNT <key>",
                        "    Return the number of references of the value associated with the specified",
                        "    <key>."));
    }

    /** The body of a subcommand that looks at the value of the key in argument 2: a null reply when there is none. */
    private static Command inspecting(BiConsumer<Call, Object> body) {
        return call -> {
            Object value = call.db().get(call.arg(2));
            if (value == null) {
                call.reply().nullBulk();
            } else {
                body.accept(call, value);
            }
        };
    }

    /** Strings: {@code int} for a canonical 64-bit integer, {@code embstr} when short, else {@code raw}. */
    static String encoding(Object value) {
        if (value instanceof byte[] text) {
            if (integerValue(text) != null) {
                return "int";
            }
            return text.length <= EMBSTR_LIMIT ? "embstr" : "raw";
        }
        return ((StoredValue) value).encoding();
    }

    private static long refcount(Object value) {
        Long integer = value instanceof byte[] text ? integerValue(text) : null;
        return integer != null && integer >= 0 && integer < SHARED_INTEGERS ? SHARED_REFCOUNT : 1;
    }

    /** The integer a string holds if Redis would store it as one, or null. */
    private static Long integerValue(byte[] text) {
        try {
            return Numbers.parseLong(text);
        } catch (CommandError notInteger) {
            return null;
        }
    }

    /** The server never evicts (maxmemory-policy noeviction), so, as in Redis, it keeps no LFU counters. */
    private static void freq(Call call, Object value) {
        throw NO_LFU;
    }

    /**
     * Always 0. Redis keeps a 24-bit access clock in every object header; here a value is a bare
     * {@code byte[]} or collection in the key table, and a clock per key would cost 8 to 16 bytes per key
     * (a parallel array or a wrapper object), against the memory-per-key goal. Nothing evicts by idle
     * time (maxmemory-policy is noeviction), so the number would only be informational.
     */
    private static void idleTime(Call call, Object value) {
        call.reply().integer(0);
    }
}
