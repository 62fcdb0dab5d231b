package io.portbind.kv.sets;

import static io.portbind.kv.table.CommandFlag.DENYOOM;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.SET;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.table.Command;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandFlag;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;

/** The sets family: every command declared here, bodies in the classes named by each line. */
public final class SetCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(set("sadd", SetMembers::add, -3, "1.0.0",
                        "Adds one or more members to a set. Creates the key if it doesn't exist.",
                        WRITE, DENYOOM, FAST))
                .add(set("srem", SetMembers::remove, -3, "1.0.0",
                        "Removes one or more members from a set. Deletes the set if the last member was removed.",
                        WRITE, FAST))
                .add(set("smembers", SetMembers::members, 2, "1.0.0", "Returns all members of a set.", READONLY))
                .add(set("sismember", SetMembers::isMember, 3, "1.0.0",
                        "Determines whether a member belongs to a set.", READONLY, FAST))
                .add(set("smismember", SetMembers::areMembers, -3, "6.2.0",
                        "Determines whether multiple members belong to a set.", READONLY, FAST))
                .add(set("scard", SetMembers::cardinality, 2, "1.0.0", "Returns the number of members in a set.",
                        READONLY, FAST))
                .add(set("spop", SetRandom::pop, -2, "1.0.0",
                        "Returns one or more random members from a set after removing them. Deletes the set if the "
                                + "last member was popped.", WRITE, FAST))
                .add(set("srandmember", SetRandom::randomMembers, -2, "1.0.0",
                        "Get one or multiple random members from a set", READONLY))
                .add(command("smove", SetMembers::move).arity(4).flags(WRITE, FAST).keys(1, 2, 1).group(SET)
                        .since("1.0.0").summary("Moves a member from one set to another."))
                .add(algebra("sinter", SetAlgebra::inter, "1.0.0", "Returns the intersect of multiple sets."))
                .add(command("sintercard", SetAlgebra::interCard).arity(-3).flags(READONLY)
                        .keys(SetAlgebra::interCardKeys).group(SET).since("7.0.0")
                        .summary("Returns the number of members of the intersect of multiple sets."))
                .add(algebra("sunion", SetAlgebra::union, "1.0.0", "Returns the union of multiple sets."))
                .add(algebra("sdiff", SetAlgebra::diff, "1.0.0", "Returns the difference of multiple sets."))
                .add(store("sinterstore", SetAlgebra::interStore, "1.0.0",
                        "Stores the intersect of multiple sets in a key."))
                .add(store("sunionstore", SetAlgebra::unionStore, "1.0.0",
                        "Stores the union of multiple sets in a key."))
                .add(store("sdiffstore", SetAlgebra::diffStore, "1.0.0",
                        "Stores the difference of multiple sets in a key."))
                .add(command("sscan", SetMembers::scan).arity(-3).flags(READONLY).keys(1, 1, 1).group(SET)
                        .since("2.8.0").summary("Iterates over members of a set."));
    }

    /** A set command on the one key at argument 1. */
    private static CommandSpec.Builder set(String name, Command body, int arity, String since, String summary,
                                           CommandFlag... flags) {
        return command(name, body).arity(arity).flags(flags).keys(1, 1, 1).group(SET).since(since).summary(summary);
    }

    /** SINTER, SUNION, SDIFF: read every key. */
    private static CommandSpec.Builder algebra(String name, Command body, String since, String summary) {
        return command(name, body).arity(-2).flags(READONLY).keys(1, -1, 1).group(SET).since(since)
                .summary(summary);
    }

    /** The STORE forms: destination first, then the sources. */
    private static CommandSpec.Builder store(String name, Command body, String since, String summary) {
        return command(name, body).arity(-3).flags(WRITE, DENYOOM).keys(1, -1, 1).group(SET).since(since)
                .summary(summary);
    }
}
