package io.portbind.kv.lists;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.blocking.BlockedCommand;
import io.portbind.kv.blocking.BlockingTimeout;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import io.portbind.kv.table.MultiPopArguments;
import io.portbind.kv.table.Propagation;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * BLPOP, BRPOP, BLMOVE, BRPOPLPUSH and BLMPOP: the non-blocking pop when a list has elements, otherwise
 * the client waits in the {@link BlockedClients} registry and is served by the first push. Either way they
 * propagate as their non-blocking forms, as Redis 7.0 does: {@code LPOP key}, {@code LMOVE ...},
 * {@code RPOPLPUSH ...}, {@code LPOP key n}; a pop served later is a propagated unit of its own.
 */
final class ListBlocking {

    private final BlockedClients blockedClients;

    ListBlocking(BlockedClients blockedClients) {
        this.blockedClients = blockedClients;
    }

    /** BLPOP/BRPOP key [key ...] timeout: replies {@code [key, element]} from the first non-empty list. */
    void bpop(Call call, End end) {
        long timeout = BlockingTimeout.parseSeconds(call.arg(call.argCount() - 1));
        Database db = call.db();
        List<byte[]> keys = Arrays.asList(call.args()).subList(1, call.argCount() - 1);
        for (byte[] key : keys) {
            ListValue list = db.get(key, ValueType.LIST);
            if (list != null) {
                writePair(call.reply(), key, list.remove(end));
                ListPushPop.afterRemoval(db, key, list, end.popEvent());
                if (call.propagating()) {
                    call.propagateAs(popWord(end), key);
                }
                return;
            }
        }
        Propagation propagation = call.server().propagation();
        blockedClients.block(call, keys, timeout, new BlockedCommand() {
            @Override
            public Consumer<Reply> serve(Database ready, byte[] key) {
                if (!(ready.get(key) instanceof ListValue list)) {
                    return null;
                }
                byte[] element = list.remove(end);
                ListPushPop.afterRemoval(ready, key, list, end.popEvent());
                if (propagation.active()) {
                    propagation.alsoPropagate(ready.index(), new byte[][] {popWord(end), key});
                }
                return reply -> writePair(reply, key, element);
            }

            @Override
            public void timedOut(Reply reply) {
                reply.nullArray();
            }
        });
    }

    /** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout. */
    void blmove(Call call) {
        End from = ListMoves.end(call, 3);
        End to = ListMoves.end(call, 4);
        blockingMove(call, from, to, call.arg(5), new byte[][] {Effects.LMOVE, call.arg(1), call.arg(2),
            call.arg(3), call.arg(4)});
    }

    /** BRPOPLPUSH source destination timeout: BLMOVE source destination RIGHT LEFT timeout. */
    void brpoplpush(Call call) {
        blockingMove(call, End.TAIL, End.HEAD, call.arg(3), new byte[][] {Effects.RPOPLPUSH, call.arg(1),
            call.arg(2)});
    }

    /** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]. */
    void blmpop(Call call) {
        long timeout = BlockingTimeout.parseSeconds(call.arg(1));
        MultiPopArguments<End> request = ListMoves.parseMultiPop(call, 2);
        if (ListMoves.popFirstNonEmpty(call, request)) {
            return;
        }
        Propagation propagation = call.server().propagation();
        blockedClients.block(call, request.keys(), timeout, new BlockedCommand() {
            @Override
            public Consumer<Reply> serve(Database ready, byte[] key) {
                if (!(ready.get(key) instanceof ListValue list)) {
                    return null;
                }
                if (propagation.active()) {
                    propagation.alsoPropagate(ready.index(), ListMoves.popEffect(key, request, list));
                }
                // The reply is encoded at once, under the lock, so it can pop straight into it.
                return reply -> ListMoves.popFrom(reply, ready, key, list, request);
            }

            @Override
            public void timedOut(Reply reply) {
                reply.nullArray();
            }
        });
    }

    /** The blocking move; {@code effect} is the non-blocking command it propagates as. */
    private void blockingMove(Call call, End from, End to, byte[] timeoutArgument, byte[][] effect) {
        long timeout = BlockingTimeout.parseSeconds(timeoutArgument);
        byte[] source = call.arg(1);
        byte[] destination = call.arg(2);
        byte[] element = ListMoves.move(call.db(), source, destination, from, to);
        if (element != null) {
            call.reply().bulk(element);
            call.propagateAs(effect);
            return;
        }
        Propagation propagation = call.server().propagation();
        blockedClients.block(call, List.of(source), timeout, new BlockedCommand() {
            @Override
            public Consumer<Reply> serve(Database ready, byte[] key) {
                if (!(ready.get(key) instanceof ListValue)) {
                    return null;
                }
                try {
                    byte[] moved = ListMoves.move(ready, source, destination, from, to);
                    propagation.alsoPropagate(ready.index(), effect);
                    return reply -> reply.bulk(moved);
                } catch (CommandError wrongType) {
                    return reply -> reply.error(wrongType.getMessage());
                }
            }

            @Override
            public void timedOut(Reply reply) {
                reply.nullArray(); // Redis answers every timed-out list pop with a null array, BLMOVE too
            }
        });
    }

    private static byte[] popWord(End end) {
        return end == End.HEAD ? Effects.LPOP : Effects.RPOP;
    }

    private static void writePair(Reply reply, byte[] key, byte[] element) {
        reply.array(2);
        reply.bulk(key);
        reply.bulk(element);
    }
}
