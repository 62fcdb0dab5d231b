package io.portbind.kv.zsets;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.blocking.BlockedCommand;
import io.portbind.kv.blocking.BlockingTimeout;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import io.portbind.kv.table.MultiPopArguments;
import io.portbind.kv.table.Propagation;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP: ZPOPMIN/ZPOPMAX (ZMPOP) on the first non-empty key, otherwise the client waits in the
 * {@link BlockedClients} registry and is served by the first ZADD (or ZUNIONSTORE, ...) that creates a key.
 * Either way the pop propagates as {@code ZPOPMIN key} or {@code ZPOPMAX key}, as Redis 7.0 does.
 */
final class ZBlocking {

    private final BlockedClients blockedClients;

    ZBlocking(BlockedClients blockedClients) {
        this.blockedClients = blockedClients;
    }

    /** BZPOPMIN/BZPOPMAX key [key ...] timeout: replies {@code [key, member, score]}. */
    void bzpop(Call call, ScoreEnd end) {
        long timeout = BlockingTimeout.parseSeconds(call.arg(call.argCount() - 1));
        Propagation propagation = call.server().propagation();
        BlockedCommand pop = new BlockedCommand() {
            @Override
            public Consumer<Reply> serve(Database db, byte[] key) {
                if (!(db.get(key) instanceof SortedSetValue zset)) {
                    return null;
                }
                Node popped = ZPops.popNodes(db, key, zset, 1, end).get(0);
                if (propagation.active()) {
                    propagation.alsoPropagate(db.index(), new byte[][] {
                        end == ScoreEnd.MIN ? Effects.ZPOPMIN : Effects.ZPOPMAX, key});
                }
                return reply -> writeTriple(reply, key, popped);
            }

            @Override
            public void timedOut(Reply reply) {
                reply.nullArray();
            }
        };
        Database db = call.db();
        List<byte[]> keys = Arrays.asList(call.args()).subList(1, call.argCount() - 1);
        for (byte[] key : keys) {
            if (db.get(key, ValueType.ZSET) != null) {
                pop.serve(db, key).accept(call.reply());
                call.preventPropagation();
                return;
            }
        }
        blockedClients.block(call, keys, timeout, pop);
    }

    /** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: the arguments are checked before the timeout. */
    void bzmpop(Call call) {
        MultiPopArguments<ScoreEnd> request = ZPops.parseMultiPop(call, 2);
        long timeout = BlockingTimeout.parseSeconds(call.arg(1));
        if (ZPops.popFirstNonEmpty(call, request)) {
            return;
        }
        Propagation propagation = call.server().propagation();
        blockedClients.block(call, request.keys(), timeout, new BlockedCommand() {
            @Override
            public Consumer<Reply> serve(Database ready, byte[] key) {
                if (!(ready.get(key) instanceof SortedSetValue zset)) {
                    return null;
                }
                if (propagation.active()) {
                    propagation.alsoPropagate(ready.index(), ZPops.popEffect(key, request, zset));
                }
                // The reply is encoded at once, under the lock, so it can pop straight into it.
                return reply -> ZPops.popInto(reply, ready, key, zset, request);
            }

            @Override
            public void timedOut(Reply reply) {
                reply.nullArray();
            }
        });
    }

    private static void writeTriple(Reply reply, byte[] key, Node popped) {
        reply.array(3);
        reply.bulk(key);
        reply.bulk(popped.member());
        reply.doubleValue(popped.score());
    }
}
