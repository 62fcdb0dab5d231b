package io.portbind.kv.strings;

import io.portbind.kv.keys.ExpireTimes;
import io.portbind.kv.keys.TimeBase;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one routine behind SET, SETNX, SETEX, PSETEX and GETSET (Redis's setGenericCommand); each public
 * command only parses its arguments and delegates here.
 */
final class StringSetter {

    /** Only set when the key does not exist. */
    static final int NX = 1;
    /** Only set when the key exists. */
    static final int XX = 2;
    /** Reply with the old value instead of OK. */
    static final int GET = 4;
    /** Keep the key's TTL instead of removing it. */
    static final int KEEPTTL = 8;

    /** No expiry was given. */
    private static final long NONE = 0;
    private static final Consumer<Reply> OK = Reply::ok;
    private static final Consumer<Reply> NULL = Reply::nullBulk;
    private static final Consumer<Reply> ONE = reply -> reply.integer(1);
    private static final Consumer<Reply> ZERO = reply -> reply.integer(0);

    private StringSetter() {
    }

    /** SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT time | PXAT time | KEEPTTL]. */
    static void set(Call call) {
        int flags = 0;
        ExpireTimes.Option expiry = null;
        int expiryAt = 0;
        for (int i = 3; i < call.argCount(); i++) {
            ExpireTimes.Option option = ExpireTimes.option(call, i);
            if (call.is(i, "nx") && (flags & XX) == 0) {
                flags |= NX;
            } else if (call.is(i, "xx") && (flags & NX) == 0) {
                flags |= XX;
            } else if (call.is(i, "get")) {
                flags |= GET;
            } else if (call.is(i, "keepttl") && expiry == null) {
                flags |= KEEPTTL;
            } else if (option != null && expiry == null && (flags & KEEPTTL) == 0 && i + 1 < call.argCount()) {
                expiry = option;
                expiryAt = ++i;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        long expireAt = expiry == null ? NONE : expiry.absolute(call, expiryAt);
        setGeneric(call, flags, call.arg(1), call.arg(2), expireAt, OK, NULL);
        if ((flags & GET) != 0 && expiry == null && call.propagating()) {
            call.propagateAs(withoutGet(call));
        }
    }

    /** SET's arguments without its GET options, which Redis 7.0 does not propagate. */
    private static byte[][] withoutGet(Call call) {
        List<byte[]> kept = new ArrayList<>(call.argCount());
        for (int i = 0; i < call.argCount(); i++) {
            if (i < 3 || !call.is(i, "get")) {
                kept.add(call.arg(i));
            }
        }
        return kept.toArray(new byte[0][]);
    }

    /** SETNX key value: 1 when set, 0 when the key existed. */
    static void setIfAbsent(Call call) {
        setGeneric(call, NX, call.arg(1), call.arg(2), NONE, ONE, ZERO);
    }

    /** SETEX key seconds value and PSETEX key milliseconds value. */
    static void setWithExpiry(Call call, long unitMillis) {
        long expireAt = ExpireTimes.absolute(call, 2, unitMillis, TimeBase.NOW);
        setGeneric(call, 0, call.arg(1), call.arg(3), expireAt, OK, NULL);
    }

    /** GETSET key value: the old value, and the new one without a TTL; propagated as SET key value. */
    static void getAndSet(Call call) {
        setGeneric(call, GET, call.arg(1), call.arg(2), NONE, OK, NULL);
        if (call.propagating()) {
            call.propagateAs(Effects.SET, call.arg(1), call.arg(2));
        }
    }

    /**
     * Sets {@code key} to {@code value} under the {@code flags} above, with an absolute expiry time
     * (or {@link #NONE}). With GET the old value is the reply, and WRONGTYPE stops everything;
     * otherwise {@code onSet} or {@code onAbort} (NX/XX not met) writes the reply. A set with an expiry
     * propagates as {@code SET key value PXAT ms}, as Redis 7.0 does, whatever the command or its options.
     */
    private static void setGeneric(Call call, int flags, byte[] key, byte[] value, long expireAt,
                                   Consumer<Reply> onSet, Consumer<Reply> onAbort) {
        Database db = call.db();
        boolean found;
        if ((flags & GET) != 0) {
            byte[] old = db.getString(key);
            call.reply().bulk(old);
            found = old != null;
        } else {
            found = (flags & (NX | XX)) != 0 && db.exists(key);
        }
        if ((flags & NX) != 0 && found || (flags & XX) != 0 && !found) {
            if ((flags & GET) == 0) {
                onAbort.accept(call.reply());
            }
            return;
        }
        if ((flags & KEEPTTL) != 0) {
            db.putKeepTtl(key, value);
        } else {
            db.put(key, value);
        }
        call.db().notifyEvent(EventClass.STRING, "set", key);
        if (expireAt != NONE) {
            db.setExpireTime(key, expireAt);
            call.db().notifyEvent(EventClass.GENERIC, "expire", key);
            if (call.propagating()) {
                call.propagateAs(Effects.SET, key, value, Effects.PXAT, Effects.number(expireAt));
            }
        }
        if ((flags & GET) == 0) {
            onSet.accept(call.reply());
        }
    }
}
