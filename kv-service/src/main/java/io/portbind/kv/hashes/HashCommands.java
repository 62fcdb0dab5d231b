package io.portbind.kv.hashes;

import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/** The hashes family: binds each command to its body in the classes named. */
public final class HashCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("hset", call -> HashWrites.set(call, FieldSetReply.ADDED_COUNT))
                .bind("hmset", call -> HashWrites.set(call, FieldSetReply.OK))
                .bind("hsetnx", HashWrites::setIfAbsent)
                .bind("hdel", HashWrites::delete)
                .bind("hincrby", HashWrites::incrBy)
                .bind("hincrbyfloat", HashWrites::incrByFloat)
                .bind("hget", HashReads::get)
                .bind("hmget", HashReads::multiGet)
                .bind("hlen", HashReads::length)
                .bind("hstrlen", HashReads::valueLength)
                .bind("hexists", HashReads::exists)
                .bind("hkeys", call -> HashReads.all(call, EntryParts.FIELDS))
                .bind("hvals", call -> HashReads.all(call, EntryParts.VALUES))
                .bind("hgetall", call -> HashReads.all(call, EntryParts.FIELDS_AND_VALUES))
                .bind("hrandfield", HashRandomField::hrandfield)
                .bind("hscan", HashScan::hscan);
    }
}
