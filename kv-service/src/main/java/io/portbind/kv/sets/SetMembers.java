package io.portbind.kv.sets;

import io.portbind.kv.keys.ScanArguments;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.List;

/** SADD, SREM, SMEMBERS, SISMEMBER, SMISMEMBER, SCARD, SMOVE and SSCAN. */
final class SetMembers {

    private SetMembers() {
    }

    static void add(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        SetValue set = db.get(key, ValueType.SET);
        boolean created = set == null;
        if (created) {
            set = new SetValue();
        }
        int added = 0;
        for (int i = 2; i < call.argCount(); i++) {
            if (set.add(call.arg(i))) {
                added++;
            }
        }
        if (created) {
            db.put(key, set);
        } else if (added > 0) {
            db.modified(key);
        }
        if (added > 0) {
            db.notifyEvent(EventClass.SET, "sadd", key);
        }
        call.reply().integer(added);
    }

    static void remove(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        SetValue set = db.get(key, ValueType.SET);
        int removed = 0;
        for (int i = 2; set != null && i < call.argCount() && !set.isEmpty(); i++) {
            if (set.remove(call.arg(i))) {
                removed++;
            }
        }
        if (removed > 0) {
            changed(db, key, set, "srem");
        }
        call.reply().integer(removed);
    }

    static void members(Call call) {
        SetValue set = call.db().get(call.arg(1), ValueType.SET);
        reply(call.reply(), set);
    }

    /** Every member of {@code set} (null: none) as a set reply. */
    static void reply(Reply reply, SetValue set) {
        if (set == null) {
            reply.set(0);
            return;
        }
        reply.set(set.size());
        set.forEach(reply::bulk);
    }

    static void isMember(Call call) {
        SetValue set = call.db().get(call.arg(1), ValueType.SET);
        call.reply().integer(set != null && set.contains(call.arg(2)) ? 1 : 0);
    }

    static void areMembers(Call call) {
        SetValue set = call.db().get(call.arg(1), ValueType.SET);
        call.reply().array(call.argCount() - 2);
        for (int i = 2; i < call.argCount(); i++) {
            call.reply().integer(set != null && set.contains(call.arg(i)) ? 1 : 0);
        }
    }

    static void cardinality(Call call) {
        SetValue set = call.db().get(call.arg(1), ValueType.SET);
        call.reply().integer(set == null ? 0 : set.size());
    }

    /** SMOVE source destination member: 1 when moved. Both keys are type-checked before anything moves. */
    static void move(Call call) {
        Database db = call.db();
        byte[] sourceKey = call.arg(1);
        byte[] destinationKey = call.arg(2);
        Object source = db.get(sourceKey);
        Object destination = db.get(destinationKey);
        if (source == null) {
            call.reply().integer(0);
            return;
        }
        boolean destinationIsSet = destination == null || ValueType.of(destination) == ValueType.SET;
        if (ValueType.of(source) != ValueType.SET || !destinationIsSet) {
            throw CommandError.WRONGTYPE;
        }
        byte[] member = call.arg(3);
        SetValue from = (SetValue) source;
        if (source == destination) {
            call.reply().integer(from.contains(member) ? 1 : 0);
            return;
        }
        if (!from.remove(member)) {
            call.reply().integer(0);
            return;
        }
        changed(db, sourceKey, from, "srem");
        if (destination == null) {
            SetValue to = new SetValue();
            to.add(member);
            db.put(destinationKey, to);
            db.notifyEvent(EventClass.SET, "sadd", destinationKey);
        } else if (((SetValue) destination).add(member)) {
            db.modified(destinationKey);
            db.notifyEvent(EventClass.SET, "sadd", destinationKey);
        }
        call.reply().integer(1);
    }

    static void scan(Call call) {
        long cursor = ScanArguments.cursor(call, 2);
        SetValue set = call.db().get(call.arg(1), ValueType.SET);
        if (set == null) {
            ScanArguments.replyHeader(call, 0, 0);
            return;
        }
        ScanArguments scan = ScanArguments.parseForKey(call);
        List<byte[]> found = new ArrayList<>();
        long next = set.scan(cursor, scan.count(), member -> {
            if (scan.matches(member)) {
                found.add(member);
            }
        });
        ScanArguments.replyHeader(call, next, found.size());
        found.forEach(call.reply()::bulk);
    }

    /**
     * After members were removed from {@code set}: fires {@code event}, and deletes the key when empty (firing
     * {@code del}), else tells WATCH.
     */
    static void changed(Database db, byte[] key, SetValue set, String event) {
        db.notifyEvent(EventClass.SET, event, key);
        if (set.isEmpty()) {
            db.delete(key);
            db.notifyEvent(EventClass.GENERIC, "del", key);
        } else {
            db.modified(key);
        }
    }
}
