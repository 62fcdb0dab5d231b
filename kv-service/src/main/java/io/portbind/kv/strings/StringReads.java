package io.portbind.kv.strings;

import io.portbind.kv.keys.ExpireTimes;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;

/** GET, GETDEL, GETEX, MGET, MSET and MSETNX. */
final class StringReads {

    private StringReads() {
    }

    static void get(Call call) {
        call.reply().bulk(call.db().getString(call.arg(1)));
    }

    static void getDel(Call call) {
        Database db = call.db();
        byte[] value = db.getString(call.arg(1));
        call.reply().bulk(value);
        if (value != null) {
            db.delete(call.arg(1));
            call.db().notifyEvent(EventClass.GENERIC, "del", call.arg(1));
            if (call.propagating()) {
                call.propagateAs(Effects.DEL, call.arg(1));
            }
        }
    }

    /**
     * GETEX key [EX seconds | PX milliseconds | EXAT time | PXAT time | PERSIST], propagated as Redis 7.0 does:
     * {@code PEXPIREAT key ms}, {@code DEL key} for a time already past, {@code PERSIST key}.
     */
    static void getEx(Call call) {
        ExpireTimes.Option expiry = null;
        int expiryAt = 0;
        boolean persist = false;
        for (int i = 2; i < call.argCount(); i++) {
            ExpireTimes.Option option = ExpireTimes.option(call, i);
            if (option != null && expiry == null && !persist && i + 1 < call.argCount()) {
                expiry = option;
                expiryAt = ++i;
            } else if (call.is(i, "persist") && expiry == null && !persist) {
                persist = true;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        long expireAt = expiry == null ? 0 : expiry.absolute(call, expiryAt);
        Database db = call.db();
        byte[] key = call.arg(1);
        byte[] value = db.getString(key);
        call.reply().bulk(value);
        if (value == null) {
            return;
        }
        if (expiry != null) {
            boolean past = expireAt <= call.keyspace().now();
            db.setExpireTime(key, expireAt);
            call.db().notifyEvent(EventClass.GENERIC, past ? "del" : "expire", key);
            if (call.propagating()) {
                call.propagateAs(past ? new byte[][] {Effects.DEL, key}
                        : new byte[][] {Effects.PEXPIREAT, key, Effects.number(expireAt)});
            }
        } else if (persist && db.persist(key)) {
            call.db().notifyEvent(EventClass.GENERIC, "persist", key);
            if (call.propagating()) {
                call.propagateAs(Effects.PERSIST, key);
            }
        }
    }

    /** Values of the keys in order; a missing key or one of another type gives null. */
    static void mget(Call call) {
        Database db = call.db();
        call.reply().array(call.argCount() - 1);
        for (int i = 1; i < call.argCount(); i++) {
            Object value = db.get(call.arg(i));
            call.reply().bulk(value != null && ValueType.of(value) == ValueType.STRING ? (byte[]) value : null);
        }
    }

    static void mset(Call call) {
        checkPairs(call);
        setAll(call);
        call.reply().ok();
    }

    /** Sets every pair only when none of the keys exists: 1 when set, 0 when not. */
    static void msetnx(Call call) {
        checkPairs(call);
        Database db = call.db();
        for (int i = 1; i < call.argCount(); i += 2) {
            if (db.exists(call.arg(i))) {
                call.reply().integer(0);
                return;
            }
        }
        setAll(call);
        call.reply().integer(1);
    }

    private static void checkPairs(Call call) {
        if (call.argCount() % 2 == 0) {
            throw call.arityError();
        }
    }

    private static void setAll(Call call) {
        Database db = call.db();
        for (int i = 1; i < call.argCount(); i += 2) {
            db.put(call.arg(i), call.arg(i + 1));
            call.db().notifyEvent(EventClass.STRING, "set", call.arg(i));
        }
    }
}
