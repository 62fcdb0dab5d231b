package io.portbind.kv.lists;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/** The lists family, blocking pops included: binds each command to its body in the classes named. */
public final class ListCommands implements CommandFamily {

    private final ListBlocking blocking;

    public ListCommands(BlockedClients blockedClients) {
        this.blocking = new ListBlocking(blockedClients);
    }

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("lpush", call -> ListPushPop.push(call, End.HEAD, PushCondition.ALWAYS))
                .bind("rpush", call -> ListPushPop.push(call, End.TAIL, PushCondition.ALWAYS))
                .bind("lpushx", call -> ListPushPop.push(call, End.HEAD, PushCondition.ONLY_IF_EXISTS))
                .bind("rpushx", call -> ListPushPop.push(call, End.TAIL, PushCondition.ONLY_IF_EXISTS))
                .bind("lpop", call -> ListPushPop.pop(call, End.HEAD))
                .bind("rpop", call -> ListPushPop.pop(call, End.TAIL))
                .bind("llen", ListPushPop::llen)
                .bind("lrange", ListReads::lrange)
                .bind("lindex", ListReads::lindex)
                .bind("lpos", ListReads::lpos)
                .bind("lset", ListEdits::lset)
                .bind("lrem", ListEdits::lrem)
                .bind("ltrim", ListEdits::ltrim)
                .bind("linsert", ListEdits::linsert)
                .bind("lmove", ListMoves::lmove)
                .bind("rpoplpush", ListMoves::rpoplpush)
                .bind("lmpop", ListMoves::lmpop)
                .bind("blpop", call -> blocking.bpop(call, End.HEAD))
                .bind("brpop", call -> blocking.bpop(call, End.TAIL))
                .bind("blmove", blocking::blmove)
                .bind("brpoplpush", blocking::brpoplpush)
                .bind("blmpop", blocking::blmpop);
    }
}
