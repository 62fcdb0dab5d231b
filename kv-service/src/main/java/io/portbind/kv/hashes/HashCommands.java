package io.portbind.kv.hashes;

import static io.portbind.kv.table.CommandFlag.DENYOOM;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.HASH;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.table.Command;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandFlag;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;

/** The hashes family: every command declared here, bodies in the classes named by each line. */
public final class HashCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(hash("hset", call -> HashWrites.set(call, FieldSetReply.ADDED_COUNT), -4, "2.0.0",
                        "Set the string value of a hash field", WRITE, DENYOOM, FAST))
                .add(hash("hmset", call -> HashWrites.set(call, FieldSetReply.OK), -4, "2.0.0",
                        "Set multiple hash fields to multiple values", WRITE, DENYOOM, FAST))
                .add(hash("hsetnx", HashWrites::setIfAbsent, 4, "2.0.0",
                        "Set the value of a hash field, only if the field does not exist", WRITE, DENYOOM, FAST))
                .add(hash("hdel", HashWrites::delete, -3, "2.0.0", "Delete one or more hash fields", WRITE, FAST))
                .add(hash("hincrby", HashWrites::incrBy, 4, "2.0.0",
                        "Increment the integer value of a hash field by the given number", WRITE, DENYOOM, FAST))
                .add(hash("hincrbyfloat", HashWrites::incrByFloat, 4, "2.6.0",
                        "Increment the float value of a hash field by the given amount", WRITE, DENYOOM, FAST))
                .add(hash("hget", HashReads::get, 3, "2.0.0", "Get the value of a hash field", READONLY, FAST))
                .add(hash("hmget", HashReads::multiGet, -3, "2.0.0", "Get the values of all the given hash fields",
                        READONLY, FAST))
                .add(hash("hlen", HashReads::length, 2, "2.0.0", "Get the number of fields in a hash",
                        READONLY, FAST))
                .add(hash("hstrlen", HashReads::valueLength, 3, "3.2.0",
                        "Get the length of the value of a hash field", READONLY, FAST))
                .add(hash("hexists", HashReads::exists, 3, "2.0.0", "Determine if a hash field exists",
                        READONLY, FAST))
                .add(hash("hkeys", call -> HashReads.all(call, EntryParts.FIELDS), 2, "2.0.0",
                        "Get all the fields in a hash", READONLY))
                .add(hash("hvals", call -> HashReads.all(call, EntryParts.VALUES), 2, "2.0.0",
                        "Get all the values in a hash", READONLY))
                .add(hash("hgetall", call -> HashReads.all(call, EntryParts.FIELDS_AND_VALUES), 2, "2.0.0",
                        "Get all the fields and values in a hash", READONLY))
                .add(hash("hrandfield", HashRandomField::hrandfield, -2, "6.2.0",
                        "Get one or multiple random fields from a hash", READONLY))
                .add(hash("hscan", HashScan::hscan, -3, "2.8.0",
                        "Incrementally iterate hash fields and associated values", READONLY));
    }

    /** A hash command on the one key at argument 1. */
    private static CommandSpec.Builder hash(String name, Command body, int arity, String since, String summary,
                                            CommandFlag... flags) {
        return command(name, body).arity(arity).flags(flags).keys(1, 1, 1).group(HASH).since(since).summary(summary);
    }
}
