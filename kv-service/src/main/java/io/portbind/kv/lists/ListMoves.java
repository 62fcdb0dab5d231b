package io.portbind.kv.lists;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import java.util.ArrayList;
import java.util.List;

/** LMOVE, RPOPLPUSH and LMPOP, and their argument parsing, which the blocking forms share. */
final class ListMoves {

    private static final CommandError NUMKEYS = new CommandError("ERR numkeys should be greater than 0");
    private static final CommandError COUNT = new CommandError("ERR count should be greater than 0");

    private ListMoves() {
    }

    /** What LMPOP and BLMPOP were asked: the keys in order, the end to pop from, and how many. */
    record MultiPop(List<byte[]> keys, End end, long count) {
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
        MultiPop request = parseMultiPop(call, 1);
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
    static boolean popFirstNonEmpty(Call call, MultiPop request) {
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
    static byte[][] popEffect(byte[] key, MultiPop request, ListValue list) {
        long popped = Math.min(request.count(), list.size());
        return new byte[][] {request.end() == End.HEAD ? Effects.LPOP : Effects.RPOP, key, Effects.number(popped)};
    }

    /** Replies {@code [key, [elements]]} with up to the requested count popped from {@code list}. */
    static void popFrom(Reply reply, Database db, byte[] key, ListValue list, MultiPop request) {
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

    /** Parses {@code numkeys key [key ...] LEFT|RIGHT [COUNT count]} starting at argument {@code numkeysIndex}. */
    static MultiPop parseMultiPop(Call call, int numkeysIndex) {
        long numkeys = numkeys(call.arg(numkeysIndex));
        if (numkeys > call.argCount() - numkeysIndex - 2) {
            throw CommandError.SYNTAX;
        }
        int whereIndex = numkeysIndex + 1 + (int) numkeys;
        List<byte[]> keys = new ArrayList<>((int) numkeys);
        for (int i = numkeysIndex + 1; i < whereIndex; i++) {
            keys.add(call.arg(i));
        }
        End end = end(call, whereIndex);
        long count = 1;
        boolean counted = false;
        for (int i = whereIndex + 1; i < call.argCount(); i += 2) {
            if (counted || !call.is(i, "count") || i + 1 >= call.argCount()) {
                throw CommandError.SYNTAX;
            }
            count = positive(call.arg(i + 1), COUNT);
            counted = true;
        }
        return new MultiPop(keys, end, count);
    }

    private static long numkeys(byte[] text) {
        return positive(text, NUMKEYS);
    }

    private static long positive(byte[] text, CommandError error) {
        try {
            long value = Numbers.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (CommandError notAnInteger) {
            // reported below with the option's own message, as Redis does
        }
        throw error;
    }
}
