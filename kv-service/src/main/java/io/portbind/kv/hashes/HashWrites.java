package io.portbind.kv.hashes;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.strings.StringCounters;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import java.math.BigDecimal;

/** HSET, HMSET, HSETNX, HDEL, HINCRBY and HINCRBYFLOAT. */
final class HashWrites {

    private static final CommandError NOT_INTEGER_VALUE = new CommandError("ERR hash value is not an integer");
    private static final CommandError NOT_FLOAT_VALUE = new CommandError("ERR hash value is not a float");
    private static final CommandError NAN_INCREMENT = new CommandError("ERR value is NaN or Infinity");

    private HashWrites() {
    }

    /** HSET/HMSET key field value [field value ...]: HSET counts the new fields, HMSET answers OK. */
    static void set(Call call, FieldSetReply answer) {
        if (call.argCount() % 2 != 0) {
            throw call.arityError();
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        HashValue hash = db.get(key, ValueType.HASH);
        boolean created = hash == null;
        if (created) {
            hash = new HashValue();
        }
        int added = 0;
        for (int i = 2; i < call.argCount(); i += 2) {
            if (hash.put(call.arg(i), call.arg(i + 1))) {
                added++;
            }
        }
        stored(db, key, hash, created, "hset");
        if (answer == FieldSetReply.OK) {
            call.reply().ok();
        } else {
            call.reply().integer(added);
        }
    }

    static void setIfAbsent(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        HashValue hash = db.get(key, ValueType.HASH);
        if (hash != null && hash.get(call.arg(2)) != null) {
            call.reply().integer(0);
            return;
        }
        boolean created = hash == null;
        if (created) {
            hash = new HashValue();
        }
        hash.put(call.arg(2), call.arg(3));
        stored(db, key, hash, created, "hset");
        call.reply().integer(1);
    }

    static void delete(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        HashValue hash = db.get(key, ValueType.HASH);
        int removed = 0;
        for (int i = 2; hash != null && i < call.argCount(); i++) {
            if (hash.remove(call.arg(i))) {
                removed++;
            }
        }
        if (removed > 0) {
            if (hash.isEmpty()) {
                db.delete(key);
                db.notifyEvent(EventClass.HASH, "hdel", key);
                db.notifyEvent(EventClass.GENERIC, "del", key);
            } else {
                db.modified(key);
                db.notifyEvent(EventClass.HASH, "hdel", key);
            }
        }
        call.reply().integer(removed);
    }

    static void incrBy(Call call) {
        long increment = call.longArg(3);
        HashValue hash = HashReads.at(call);
        byte[] current = HashReads.field(hash, call.arg(2));
        long value;
        try {
            value = current == null ? 0 : Numbers.parseLong(current);
        } catch (CommandError notInteger) {
            throw NOT_INTEGER_VALUE;
        }
        long result = StringCounters.add(value, increment);
        storeField(call, hash, Numbers.toBytes(result), "hincrby");
        call.reply().integer(result);
    }

    static void incrByFloat(Call call) {
        if (Double.isInfinite(Numbers.parseDouble(call.arg(3)))) {
            throw NAN_INCREMENT;
        }
        BigDecimal increment = Numbers.parseDecimal(call.arg(3));
        HashValue hash = HashReads.at(call);
        byte[] current = HashReads.field(hash, call.arg(2));
        BigDecimal value;
        try {
            value = current == null ? BigDecimal.ZERO : StringCounters.finite(current);
        } catch (CommandError error) {
            throw error == CommandError.NOT_FLOAT ? NOT_FLOAT_VALUE : error;
        }
        byte[] result = StringCounters.addFloat(value, increment);
        storeField(call, hash, result, "hincrbyfloat");
        call.reply().bulk(result);
        if (call.propagating()) {
            call.propagateAs(Effects.HSET, call.arg(1), call.arg(2), result);
        }
    }

    /** Sets the field at argument 2 of the hash at argument 1 ({@code hash}, null when it is to be created). */
    private static void storeField(Call call, HashValue hash, byte[] value, String event) {
        boolean created = hash == null;
        HashValue target = created ? new HashValue() : hash;
        target.put(call.arg(2), value);
        stored(call.db(), call.arg(1), target, created, event);
    }

    /** Stores a hash that was created or changed, and fires the command's keyspace {@code event}. */
    private static void stored(Database db, byte[] key, HashValue hash, boolean created, String event) {
        if (created) {
            db.put(key, hash);
        } else {
            db.modified(key);
        }
        db.notifyEvent(EventClass.HASH, event, key);
    }
}
