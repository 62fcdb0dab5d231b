package io.portbind.kv.lists;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;

/** LPUSH, RPUSH, LPUSHX, RPUSHX, LPOP, RPOP, LLEN, and the pop helpers the other list commands share. */
final class ListPushPop {

    private static final CommandError COUNT_NOT_POSITIVE =
            new CommandError("ERR value is out of range, must be positive");

    private ListPushPop() {
    }

    /** Pushes arguments 2.. onto {@code end} of the list at argument 1, if {@code condition}; replies its length. */
    static void push(Call call, End end, PushCondition condition) {
        Database db = call.db();
        byte[] key = call.arg(1);
        ListValue list = db.get(key, ValueType.LIST);
        if (list == null && condition == PushCondition.ONLY_IF_EXISTS) {
            call.reply().integer(0);
            return;
        }
        boolean created = list == null;
        if (created) {
            list = new ListValue();
        }
        for (int i = 2; i < call.argCount(); i++) {
            list.add(end, call.arg(i));
        }
        if (created) {
            db.put(key, list);
        } else {
            db.modified(key);
        }
        db.notifyEvent(EventClass.LIST, end.pushEvent(), key);
        call.reply().integer(list.size());
    }

    /** LPOP/RPOP key [count]: one element as a bulk string, or with a count an array of up to count elements. */
    static void pop(Call call, End end) {
        if (call.argCount() > 3) {
            throw call.arityError();
        }
        boolean withCount = call.argCount() == 3;
        long count = withCount ? positiveCount(call.arg(2)) : 1;
        Database db = call.db();
        byte[] key = call.arg(1);
        ListValue list = db.get(key, ValueType.LIST);
        Reply reply = call.reply();
        if (list == null) {
            if (withCount) {
                reply.nullArray();
            } else {
                reply.nullBulk();
            }
        } else if (withCount) {
            popInto(reply, db, key, list, end, count);
        } else {
            byte[] element = list.remove(end);
            afterRemoval(db, key, list, end.popEvent());
            reply.bulk(element);
        }
    }

    static void llen(Call call) {
        ListValue list = at(call);
        call.reply().integer(list == null ? 0 : list.size());
    }

    /** The list at argument 1, or null; WRONGTYPE when the key holds another type. */
    static ListValue at(Call call) {
        return call.db().get(call.arg(1), ValueType.LIST);
    }

    /** Pops up to {@code count} elements from {@code end} of {@code list} into an array reply. */
    static void popInto(Reply reply, Database db, byte[] key, ListValue list, End end, long count) {
        int popped = (int) Math.min(count, list.size());
        reply.array(popped);
        for (int i = 0; i < popped; i++) {
            reply.bulk(list.remove(end));
        }
        if (popped > 0) {
            afterRemoval(db, key, list, end.popEvent());
        }
    }

    /**
     * After elements were taken from {@code list}: fires {@code event}, then deletes the key of a list that became
     * empty (Redis keeps no empty lists, and fires {@code del} for it), or marks it modified.
     */
    static void afterRemoval(Database db, byte[] key, ListValue list, String event) {
        if (list.isEmpty()) {
            db.delete(key);
            db.notifyEvent(EventClass.LIST, event, key);
            db.notifyEvent(EventClass.GENERIC, "del", key);
        } else {
            db.modified(key);
            db.notifyEvent(EventClass.LIST, event, key);
        }
    }

    /** A count option that must be zero or more: Redis's "must be positive" error otherwise. */
    private static long positiveCount(byte[] text) {
        try {
            long count = Numbers.parseLong(text);
            if (count < 0) {
                throw COUNT_NOT_POSITIVE;
            }
            return count;
        } catch (CommandError notAnInteger) {
            throw COUNT_NOT_POSITIVE;
        }
    }
}
