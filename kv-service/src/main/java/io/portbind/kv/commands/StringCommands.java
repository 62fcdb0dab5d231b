package io.portbind.kv.commands;

import static io.portbind.kv.command.CommandFlag.DENYOOM;
import static io.portbind.kv.command.CommandFlag.FAST;
import static io.portbind.kv.command.CommandFlag.READONLY;
import static io.portbind.kv.command.CommandFlag.WRITE;
import static io.portbind.kv.command.CommandGroup.STRING;
import static io.portbind.kv.command.CommandSpec.command;

import io.portbind.kv.command.Command;
import io.portbind.kv.command.CommandFamily;
import io.portbind.kv.command.CommandFlag;
import io.portbind.kv.command.CommandRegistry;
import io.portbind.kv.command.CommandSpec;

/** The strings family: every command declared here, bodies in the classes named by each line. */
public final class StringCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(read("get", StringReads::get, 2, "1.0.0", "Returns the string value of a key.").flags(FAST))
                .add(write("set", StringSetter::set, -3, "1.0.0",
                        "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist."))
                .add(write("setnx", StringSetter::setIfAbsent, 3, "1.0.0",
                        "Set the string value of a key only when the key doesn't exist.").flags(FAST))
                .add(write("setex", call -> StringSetter.setWithExpiry(call, ExpireTimes.SECONDS), 4, "2.0.0",
                        "Sets the string value and expiration time of a key. Creates the key if it doesn't exist."))
                .add(write("psetex", call -> StringSetter.setWithExpiry(call, ExpireTimes.MILLISECONDS), 4,
                        "2.6.0", "Sets both string value and expiration time in milliseconds of a key."))
                .add(write("getset", StringSetter::getAndSet, 3, "1.0.0",
                        "Returns the previous string value of a key after setting it to a new value.").flags(FAST))
                .add(command("getdel", StringReads::getDel).arity(2).flags(WRITE, FAST).keys(1, 1, 1).group(STRING)
                        .since("6.2.0").summary("Returns the string value of a key after deleting the key."))
                .add(command("getex", StringReads::getEx).arity(-2).flags(WRITE, FAST).keys(1, 1, 1).group(STRING)
                        .since("6.2.0").summary("Returns the string value of a key after setting its expiration time."))
                .add(command("mget", StringReads::mget).arity(-2).flags(READONLY, FAST).keys(1, -1, 1)
                        .group(STRING).since("1.0.0")
                        .summary("Atomically returns the string values of one or more keys."))
                .add(command("mset", StringReads::mset).arity(-3).flags(WRITE, DENYOOM).keys(1, -1, 2)
                        .group(STRING).since("1.0.1").summary("Atomically creates or modifies the string values of "
                                + "one or more keys."))
                .add(command("msetnx", StringReads::msetnx).arity(-3).flags(WRITE, DENYOOM).keys(1, -1, 2)
                        .group(STRING).since("1.0.1").summary("Atomically modifies the string values of one or more "
                                + "keys only when all keys don't exist."))
                .add(write("append", StringRanges::append, 3, "2.0.0",
                        "Appends a string to the value of a key. Creates the key if it doesn't exist.").flags(FAST))
                .add(read("strlen", StringRanges::strlen, 2, "2.2.0", "Returns the length of a string value.")
                        .flags(FAST))
                .add(read("getrange", StringRanges::getRange, 4, "2.4.0",
                        "Returns a substring of the string stored at a key."))
                .add(write("setrange", StringRanges::setRange, 4, "2.2.0", "Overwrites a part of a string value "
                        + "with another by an offset. Creates the key if it doesn't exist."))
                .add(counter("incr", call -> StringCounters.incrementBy(call, 1), 2, "1.0.0",
                        "Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't "
                                + "exist."))
                .add(counter("decr", call -> StringCounters.incrementBy(call, -1), 2, "1.0.0",
                        "Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't "
                                + "exist."))
                .add(counter("incrby", StringCounters::incrBy, 3, "1.0.0", "Increments the integer value of a key "
                        + "by a number. Uses 0 as initial value if the key doesn't exist."))
                .add(counter("decrby", StringCounters::decrBy, 3, "1.0.0", "Decrements a number from the integer "
                        + "value of a key. Uses 0 as initial value if the key doesn't exist."))
                .add(counter("incrbyfloat", StringCounters::incrByFloat, 3, "2.6.0", "Increment the floating point "
                        + "value of a key by a number. Uses 0 as initial value if the key doesn't exist."));
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
        return command(name, body).arity(arity).flags(flags).keys(1, 1, 1).group(STRING).since(since).summary(summary);
    }
}
