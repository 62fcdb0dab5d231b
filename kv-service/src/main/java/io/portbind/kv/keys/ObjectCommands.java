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

/**
 * OBJECT ENCODING, REFCOUNT and HELP: how a value is stored, as Redis 7.0 would say. FREQ and IDLETIME read the
 * keys' access stamps and belong to the eviction feature.
 */
public final class ObjectCommands implements CommandFamily {

    /** Redis keeps strings up to this length in one allocation with their header ({@code embstr}). */
    private static final int EMBSTR_LIMIT = 44;
    /** Redis shares one object for each of the integers 0 to 9999 ... */
    private static final long SHARED_INTEGERS = 10_000;
    /** ... and reports the reference count of a shared object as INT_MAX. */
    private static final long SHARED_REFCOUNT = Integer.MAX_VALUE;

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("object|encoding", inspecting((call, value) -> call.reply().bulk(encoding(value))))
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

    /**
     * The body of a subcommand that looks at the value of the key in argument 2 without touching it (Redis's
     * LOOKUP_NOTOUCH): a null reply when there is none.
     */
    private static Command inspecting(BiConsumer<Call, Object> body) {
        return call -> {
            Object value = call.db().peek(call.arg(2));
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
}
