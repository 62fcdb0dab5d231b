package io.portbind.kv.lists;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import java.util.Arrays;

/** LSET, LREM, LTRIM and LINSERT: changes in the middle of a list. */
final class ListEdits {

    private static final CommandError NO_SUCH_KEY = new CommandError("ERR no such key");
    private static final CommandError INDEX_OUT_OF_RANGE = new CommandError("ERR index out of range");

    private ListEdits() {
    }

    static void lset(Call call) {
        long index = call.longArg(2);
        ListValue list = ListPushPop.at(call);
        if (list == null) {
            throw NO_SUCH_KEY;
        }
        long position = ListReads.fromEnd(index, list.size());
        if (position < 0 || position >= list.size()) {
            throw INDEX_OUT_OF_RANGE;
        }
        list.set((int) position, call.arg(3));
        call.db().modified(call.arg(1));
        call.db().notifyEvent(EventClass.LIST, "lset", call.arg(1));
        call.reply().ok();
    }

    /** LREM key count element: count > 0 removes from the head, < 0 from the tail, 0 every match. */
    static void lrem(Call call) {
        long count = call.longArg(2);
        ListValue list = ListPushPop.at(call);
        if (list == null) {
            call.reply().integer(0);
            return;
        }
        long limit = count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
        int removed = list.removeEqual(call.arg(3), limit, count < 0 ? End.TAIL : End.HEAD);
        if (removed > 0) {
            ListPushPop.afterRemoval(call.db(), call.arg(1), list, "lrem");
        }
        call.reply().integer(removed);
    }

    static void ltrim(Call call) {
        long start = call.longArg(2);
        long stop = call.longArg(3);
        Database db = call.db();
        byte[] key = call.arg(1);
        ListValue list = db.get(key, ValueType.LIST);
        if (list != null) {
            int size = list.size();
            long from = Math.max(0, ListReads.fromEnd(start, size));
            long to = Math.min(ListReads.fromEnd(stop, size), size - 1L);
            if (from > to || from >= size) {
                db.delete(key);
                db.notifyEvent(EventClass.LIST, "ltrim", key);
                db.notifyEvent(EventClass.GENERIC, "del", key);
            } else {
                if (from > 0 || to < size - 1) {
                    // A trim that keeps everything changes nothing: not a write, so not propagated (Redis's dirty).
                    list.retain((int) from, (int) to);
                    db.modified(key);
                }
                db.notifyEvent(EventClass.LIST, "ltrim", key); // fired by Redis in either case
            }
        }
        call.reply().ok();
    }

    /** LINSERT key BEFORE|AFTER pivot element: the new length, 0 for a missing key, -1 when the pivot is absent. */
    static void linsert(Call call) {
        boolean after;
        if (call.is(2, "after")) {
            after = true;
        } else if (call.is(2, "before")) {
            after = false;
        } else {
            throw CommandError.SYNTAX;
        }
        ListValue list = ListPushPop.at(call);
        if (list == null) {
            call.reply().integer(0);
            return;
        }
        byte[] pivot = call.arg(3);
        for (int i = 0; i < list.size(); i++) {
            if (Arrays.equals(list.get(i), pivot)) {
                list.insert(after ? i + 1 : i, call.arg(4));
                call.db().modified(call.arg(1));
                call.db().notifyEvent(EventClass.LIST, "linsert", call.arg(1));
                call.reply().integer(list.size());
                return;
            }
        }
        call.reply().integer(-1);
    }
}
