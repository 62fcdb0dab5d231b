package io.portbind.kv.strings;

import io.portbind.kv.keys.ExpireTimes;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/** The strings family: binds each command to its body in the classes named. */
public final class StringCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("get", StringReads::get)
                .bind("set", StringSetter::set)
                .bind("setnx", StringSetter::setIfAbsent)
                .bind("setex", call -> StringSetter.setWithExpiry(call, ExpireTimes.SECONDS))
                .bind("psetex", call -> StringSetter.setWithExpiry(call, ExpireTimes.MILLISECONDS))
                .bind("getset", StringSetter::getAndSet)
                .bind("getdel", StringReads::getDel)
                .bind("getex", StringReads::getEx)
                .bind("mget", StringReads::mget)
                .bind("mset", StringReads::mset)
                .bind("msetnx", StringReads::msetnx)
                .bind("append", StringRanges::append)
                .bind("strlen", StringRanges::strlen)
                .bind("getrange", StringRanges::getRange)
                .bind("substr", StringRanges::getRange)
                .bind("lcs", LongestCommonSubsequence::lcs)
                .bind("setrange", StringRanges::setRange)
                .bind("incr", call -> StringCounters.incrementBy(call, 1))
                .bind("decr", call -> StringCounters.incrementBy(call, -1))
                .bind("incrby", StringCounters::incrBy)
                .bind("decrby", StringCounters::decrBy)
                .bind("incrbyfloat", StringCounters::incrByFloat);
    }

}
