package io.portbind.kv.sets;

import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/** The sets family: binds each command to its body in the classes named. */
public final class SetCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("sadd", SetMembers::add)
                .bind("srem", SetMembers::remove)
                .bind("smembers", SetMembers::members)
                .bind("sismember", SetMembers::isMember)
                .bind("smismember", SetMembers::areMembers)
                .bind("scard", SetMembers::cardinality)
                .bind("spop", SetRandom::pop)
                .bind("srandmember", SetRandom::randomMembers)
                .bind("smove", SetMembers::move)
                .bind("sinter", SetAlgebra::inter)
                .bind("sintercard", SetAlgebra::interCard)
                .bind("sunion", SetAlgebra::union)
                .bind("sdiff", SetAlgebra::diff)
                .bind("sinterstore", SetAlgebra::interStore)
                .bind("sunionstore", SetAlgebra::unionStore)
                .bind("sdiffstore", SetAlgebra::diffStore)
                .bind("sscan", SetMembers::scan);
    }
}
