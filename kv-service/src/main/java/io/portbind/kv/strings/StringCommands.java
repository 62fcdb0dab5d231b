package io.portbind.kv.strings;

import static io.portbind.kv.table.Arg.block;
import static io.portbind.kv.table.Arg.integer;
import static io.portbind.kv.table.Arg.key;
import static io.portbind.kv.table.Arg.keyword;
import static io.portbind.kv.table.Arg.number;
import static io.portbind.kv.table.Arg.oneOf;
import static io.portbind.kv.table.Arg.string;
import static io.portbind.kv.table.Arg.unixTime;
import static io.portbind.kv.table.CommandFlag.DENYOOM;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.STRING;
import static io.portbind.kv.table.CommandSpec.CONSTANT_TIME;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.keys.ExpireTimes;
import io.portbind.kv.table.Arg;
import io.portbind.kv.table.Command;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandFlag;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;

/** The strings family: every command declared here, bodies in the classes named by each line. */
public final class StringCommands implements CommandFamily {

    /** MSET and MSETNX: one or more key and value pairs. */
    private static final Arg KEY_VALUE_PAIRS = block("key_value", key("key"), string("value")).multiple();

    @Override
    public void register(CommandRegistry registry) {
        registry.add(read("get", StringReads::get, 2, "1.0.0", "Returns the string value of a key.").flags(FAST)
                        .args(key("key")))
                .add(write("set", StringSetter::set, -3, "1.0.0",
                        "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.")
                        .args(key("key"), string("value"),
                                oneOf("condition", keyword("NX"), keyword("XX")).since("2.6.12").optional(),
                                keyword("GET").since("6.2.0").optional(), expiration(keyword("KEEPTTL"))))
                .add(write("setnx", StringSetter::setIfAbsent, 3, "1.0.0",
                        "Set the string value of a key only when the key doesn't exist.").flags(FAST)
                        .args(key("key"), string("value")))
                .add(write("setex", call -> StringSetter.setWithExpiry(call, ExpireTimes.SECONDS), 4, "2.0.0",
                        "Sets the string value and expiration time of a key. Creates the key if it doesn't exist.")
                        .args(key("key"), integer("seconds"), string("value")))
                .add(write("psetex", call -> StringSetter.setWithExpiry(call, ExpireTimes.MILLISECONDS), 4,
                        "2.6.0", "Sets both string value and expiration time in milliseconds of a key.")
                        .args(key("key"), integer("milliseconds"), string("value")))
                .add(write("getset", StringSetter::getAndSet, 3, "1.0.0",
                        "Returns the previous string value of a key after setting it to a new value.").flags(FAST)
                        .args(key("key"), string("value")))
                .add(command("getdel", StringReads::getDel).arity(2).flags(WRITE, FAST).keys(1, 1, 1).group(STRING)
                        .since("6.2.0").summary("Returns the string value of a key after deleting the key.")
                        .complexity(CONSTANT_TIME).args(key("key")))
                .add(command("getex", StringReads::getEx).arity(-2).flags(WRITE, FAST).keys(1, 1, 1).group(STRING)
                        .since("6.2.0").summary("Returns the string value of a key after setting its expiration time.")
                        .complexity(CONSTANT_TIME).args(key("key"), expiration(keyword("PERSIST"))))
                .add(command("mget", StringReads::mget).arity(-2).flags(READONLY, FAST).keys(1, -1, 1)
                        .group(STRING).since("1.0.0")
                        .summary("Atomically returns the string values of one or more keys.")
                        .complexity("O(N) where N is the number of keys.").args(key("key").multiple()))
                .add(command("mset", StringReads::mset).arity(-3).flags(WRITE, DENYOOM).keys(1, -1, 2)
                        .group(STRING).since("1.0.1").summary("Atomically creates or modifies the string values of "
                                + "one or more keys.")
                        .complexity("O(N) where N is the number of keys.").args(KEY_VALUE_PAIRS))
                .add(command("msetnx", StringReads::msetnx).arity(-3).flags(WRITE, DENYOOM).keys(1, -1, 2)
                        .group(STRING).since("1.0.1").summary("Atomically modifies the string values of one or more "
                                + "keys only when all keys don't exist.")
                        .complexity("O(N) where N is the number of keys.").args(KEY_VALUE_PAIRS))
                .add(write("append", StringRanges::append, 3, "2.0.0",
                        "Appends a string to the value of a key. Creates the key if it doesn't exist.").flags(FAST)
                        .complexity("O(1), amortized.").args(key("key"), string("value")))
                .add(read("strlen", StringRanges::strlen, 2, "2.2.0", "Returns the length of a string value.")
                        .flags(FAST).args(key("key")))
                .add(read("getrange", StringRanges::getRange, 4, "2.4.0",
                        "Returns a substring of the string stored at a key.")
                        .complexity("O(N) where N is the length of the returned string.")
                        .args(key("key"), integer("start"), integer("end")))
                .add(write("setrange", StringRanges::setRange, 4, "2.2.0", "Overwrites a part of a string value "
                        + "with another by an offset. Creates the key if it doesn't exist.")
                        .complexity("O(1), plus O(M) to copy the M bytes of value.")
                        .args(key("key"), integer("offset"), string("value")))
                .add(counter("incr", call -> StringCounters.incrementBy(call, 1), 2, "1.0.0",
                        "Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't "
                                + "exist.").args(key("key")))
                .add(counter("decr", call -> StringCounters.incrementBy(call, -1), 2, "1.0.0",
                        "Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't "
                                + "exist.").args(key("key")))
                .add(counter("incrby", StringCounters::incrBy, 3, "1.0.0", "Increments the integer value of a key "
                        + "by a number. Uses 0 as initial value if the key doesn't exist.")
                        .args(key("key"), integer("increment")))
                .add(counter("decrby", StringCounters::decrBy, 3, "1.0.0", "Decrements a number from the integer "
                        + "value of a key. Uses 0 as initial value if the key doesn't exist.")
                        .args(key("key"), integer("decrement")))
                .add(counter("incrbyfloat", StringCounters::incrByFloat, 3, "2.6.0", "Increment the floating point "
                        + "value of a key by a number. Uses 0 as initial value if the key doesn't exist.")
                        .args(key("key"), number("increment")));
    }

    /** SET's and GETEX's optional expiration: EX, PX, EXAT, PXAT, or {@code last} (KEEPTTL, PERSIST). */
    private static Arg expiration(Arg last) {
        return oneOf("expiration", integer("seconds").token("EX"), integer("milliseconds").token("PX"),
                unixTime("unix-time-seconds").token("EXAT").since("6.2.0"),
                unixTime("unix-time-milliseconds").token("PXAT").since("6.2.0"), last).optional();
    }

    private static CommandSpec.Builder read(String name, Command body, int arity, String since, String summary) {
        return declare(name, body, arity, since, summary, READONLY);
    }

    private static CommandSpec.Builder write(String name, Command body, int arity, String since, String summary) {
        return declare(name, body, arity, since, summary, WRITE, DENYOOM);
    }

    private static CommandSpec.Builder counter(String name, Command body, int arity, String since, String summary) {
        return declare(name, body, arity, since, summary, WRITE, DENYOOM, FAST);
    }

    /** A string command on the one key at argument 1. */
    private static CommandSpec.Builder declare(String name, Command body, int arity, String since, String summary,
                                               CommandFlag... flags) {
        return command(name, body).arity(arity).flags(flags).keys(1, 1, 1).group(STRING).since(since).summary(summary)
                .complexity(CONSTANT_TIME);
    }
}
