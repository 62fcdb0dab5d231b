package io.portbind.kv.keys;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.StoredValue;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.DatabaseIndex;
import java.util.Arrays;

/**
 * RENAME, RENAMENX, COPY and MOVE: a value and its TTL go to another name or database. Each keeps
 * the TTL it had; the destination's own TTL is dropped with its old value.
 */
final class KeyTransfers {

    private static final CommandError NO_SUCH_KEY = new CommandError("ERR no such key");
    private static final CommandError SAME_OBJECT = new CommandError("ERR source and destination objects are the same");

    /** When RENAME and RENAMENX, one routine, may replace the value at the new name. */
    private enum RenameCondition {
        /** Whatever the new name holds is replaced (RENAME). */
        ALWAYS,
        /** Only when the new name does not exist (RENAMENX, Redis's {@code nx}). */
        ONLY_IF_ABSENT
    }

    private KeyTransfers() {
    }

    /** RENAME key newkey: replies OK; a missing key is an error. */
    static void rename(Call call) {
        rename(call, RenameCondition.ALWAYS);
        call.reply().ok();
    }

    /** RENAMENX key newkey: 1 when renamed, 0 when newkey exists. */
    static void renameIfAbsent(Call call) {
        call.reply().integer(rename(call, RenameCondition.ONLY_IF_ABSENT) ? 1 : 0);
    }

    /** Renames argument 1 to argument 2 if {@code condition} allows; true if it did. */
    private static boolean rename(Call call, RenameCondition condition) {
        boolean onlyIfAbsent = condition == RenameCondition.ONLY_IF_ABSENT;
        Database db = call.db();
        byte[] key = call.arg(1);
        byte[] newKey = call.arg(2);
        Object value = db.get(key);
        if (value == null) {
            throw NO_SUCH_KEY;
        }
        if (Arrays.equals(key, newKey)) {
            return !onlyIfAbsent;
        }
        if (onlyIfAbsent && db.exists(newKey)) {
            return false;
        }
        long expireAt = db.expireTime(key);
        db.delete(key);
        db.delete(newKey); // Redis deletes the old value and adds the key anew: a "new" event
        store(db, newKey, value, expireAt);
        call.db().notifyEvent(EventClass.GENERIC, "rename_from", key);
        call.db().notifyEvent(EventClass.GENERIC, "rename_to", newKey);
        return true;
    }

    /** COPY source destination [DB destination-db] [REPLACE]: 1 when copied, 0 when not. */
    static void copy(Call call) {
        Database target = call.db();
        boolean replace = false;
        for (int i = 3; i < call.argCount(); i++) {
            if (call.is(i, "replace")) {
                replace = true;
            } else if (call.is(i, "db") && i + 1 < call.argCount()) {
                target = call.keyspace().database(DatabaseIndex.parse(call, ++i));
            } else {
                throw CommandError.SYNTAX;
            }
        }
        Database source = call.db();
        byte[] key = call.arg(1);
        byte[] newKey = call.arg(2);
        if (source == target && Arrays.equals(key, newKey)) {
            throw SAME_OBJECT;
        }
        Object value = source.get(key);
        if (value == null || !replace && target.exists(newKey)) {
            call.reply().integer(0);
            return;
        }
        Object copy = value instanceof byte[] bytes ? bytes.clone() : ((StoredValue) value).copy();
        long expireAt = source.expireTime(key);
        target.delete(newKey); // as RENAME: the key is added anew
        store(target, newKey, copy, expireAt);
        target.notifyEvent(EventClass.GENERIC, "copy_to", newKey);
        call.reply().integer(1);
    }

    /** MOVE key db: 1 when moved, 0 when the key is missing or already exists in the target database. */
    static void move(Call call) {
        Database target = call.keyspace().database(DatabaseIndex.parse(call, 2));
        Database source = call.db();
        if (source == target) {
            throw SAME_OBJECT;
        }
        byte[] key = call.arg(1);
        Object value = source.get(key);
        if (value == null || target.exists(key)) {
            call.reply().integer(0);
            return;
        }
        long expireAt = source.expireTime(key);
        source.delete(key);
        store(target, key, value, expireAt);
        call.db().notifyEvent(EventClass.GENERIC, "move_from", key);
        target.notifyEvent(EventClass.GENERIC, "move_to", key);
        call.reply().integer(1);
    }

    /** Sets {@code key} to {@code value} with the expiry time {@code expireAt} (or none). */
    private static void store(Database db, byte[] key, Object value, long expireAt) {
        db.put(key, value);
        if (expireAt != Database.NO_EXPIRY) {
            db.setExpireTime(key, expireAt);
        }
    }
}
