package io.portbind.kv.lists;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import io.portbind.kv.table.MultiPopArguments;

/** LMOVE, RPOPLPUSH and LMPOP, and their argument parsing, which the blocking forms share. */
final class ListMoves {

    private ListMoves() {
    }

    /** What LMPOP and BLMPOP were asked: the keys in order, the end to pop from, and how many. */
    static MultiPopArguments<End> parseMultiPop(Call call, int numkeysIndex) {
        return MultiPopArguments.parse(call, numkeysIndex, index -> end(call, index));
    }

    static void lmove(Call call) {
        End from = end(call, 3);
        End to = end(call, 4);
        call.reply().bulk(move(call.db(), call.arg(1), call.arg(2), from, to));
    }

    static void rpoplpush(Call call) {
        call.reply().bulk(move(call.db(), call.arg(1), call.arg(2), End.TAIL, End.HEAD));
    }

    static void lmpop(Call call) {
        MultiPopArguments<End> request = parseMultiPop(call, 1);
        if (!popFirstNonEmpty(call, request)) {
            call.reply().nullArray();
        }
    }

    /**
     * Moves one element from end {@code from} of {@code source} to end {@code to} of {@code destination} and
     * returns it, or returns null when the source list does not exist. WRONGTYPE when either key holds another type.
     */
    static byte[] move(Database db, byte[] source, byte[] destination, End from, End to) {
        ListValue sourceList = db.get(source, ValueType.LIST);
        if (sourceList == null) {
            return null;
        }
        ListValue destinationList = db.get(destination, ValueType.LIST);
        byte[] element = sourceList.remove(from);
        if (destinationList == null) {
            destinationList = new ListValue();
            destinationList.add(to, element);
            db.put(destination, destinationList);
        } else {
            destinationList.add(to, element);
            db.modified(destination);
        }
        db.notifyEvent(EventClass.LIST, to.pushEvent(), destination);
        ListPushPop.afterRemoval(db, source, sourceList, from.popEvent());
        return element;
    }

    /**
     * Pops from the first of {@code request}'s keys that holds a list and replies {@code [key, [elements]]};
     * false (nothing written) when none does.
     */
    static boolean popFirstNonEmpty(Call call, MultiPopArguments<End> request) {
        Database db = call.db();
        for (byte[] key : request.keys()) {
            ListValue list = db.get(key, ValueType.LIST);
            if (list != null) {
                if (call.propagating()) {
                    call.propagateAs(popEffect(key, request, list));
                }
                popFrom(call.reply(), db, key, list, request);
                return true;
            }
        }
        return false;
    }

    /** How LMPOP and BLMPOP propagate, as Redis 7.0: {@code LPOP|RPOP key n}, n the elements about to be popped. */
    static byte[][] popEffect(byte[] key, MultiPopArguments<End> request, ListValue list) {
        long popped = Math.min(request.count(), list.size());
        return new byte[][] {request.end() == End.HEAD ? Effects.LPOP : Effects.RPOP, key, Effects.number(popped)};
    }

    /** Replies {@code [key, [elements]]} with up to the requested count popped from {@code list}. */
    static void popFrom(Reply reply, Database db, byte[] key, ListValue list, MultiPopArguments<End> request) {
        reply.array(2);
        reply.bulk(key);
        ListPushPop.popInto(reply, db, key, list, request.end(), request.count());
    }

    /** LEFT (HEAD) or RIGHT (TAIL) at argument {@code index}; syntax error otherwise. */
    static End end(Call call, int index) {
        if (call.is(index, "left")) {
            return End.HEAD;
        }
        if (call.is(index, "right")) {
            return End.TAIL;
        }
        throw CommandError.SYNTAX;
    }
}
