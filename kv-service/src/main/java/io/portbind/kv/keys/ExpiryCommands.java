package io.portbind.kv.keys;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Effects;

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (NX XX GT LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME, PERSIST. */
public final class ExpiryCommands implements CommandFamily {

    private static final long MISSING = -2;

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("expire", call -> setExpiry(call, TimeBase.NOW, ExpireTimes.SECONDS))
                .bind("pexpire", call -> setExpiry(call, TimeBase.NOW, ExpireTimes.MILLISECONDS))
                .bind("expireat", call -> setExpiry(call, TimeBase.UNIX_EPOCH, ExpireTimes.SECONDS))
                .bind("pexpireat", call -> setExpiry(call, TimeBase.UNIX_EPOCH, ExpireTimes.MILLISECONDS))
                .bind("ttl", call -> replyTime(call, TimeBase.NOW, ExpireTimes.SECONDS))
                .bind("pttl", call -> replyTime(call, TimeBase.NOW, ExpireTimes.MILLISECONDS))
                .bind("expiretime", call -> replyTime(call, TimeBase.UNIX_EPOCH, ExpireTimes.SECONDS))
                .bind("pexpiretime", call -> replyTime(call, TimeBase.UNIX_EPOCH, ExpireTimes.MILLISECONDS))
                .bind("persist", ExpiryCommands::persist);
    }

    /**
     * The one routine behind the four EXPIRE commands: parses the NX/XX/GT/LT options, then the time
     * (counted from {@code base}, in units of {@code unitMillis}), then applies it.
     * A time already past deletes the key. Replies 1 when the TTL was set, 0 when not. Propagated as Redis 7.0
     * does: {@code DEL key} for a time past, else {@code PEXPIREAT key ms [option]} (PEXPIREAT itself as given).
     */
    private static void setExpiry(Call call, TimeBase base, long unitMillis) {
        ExpireCondition condition = ExpireCondition.parse(call, 3);
        long when = call.longArg(2);
        if (when > Long.MAX_VALUE / unitMillis || when < Long.MIN_VALUE / unitMillis) {
            throw ExpireTimes.invalid(call);
        }
        when *= unitMillis;
        if (base == TimeBase.NOW) {
            if (when > Long.MAX_VALUE - call.keyspace().now()) {
                throw ExpireTimes.invalid(call);
            }
            when += call.keyspace().now();
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        if (!db.exists(key) || !condition.allows(db.expireTime(key), when)) {
            call.reply().integer(0);
            return;
        }
        boolean past = when <= call.keyspace().now();
        db.setExpireTime(key, when);
        call.db().notifyEvent(EventClass.GENERIC, past ? "del" : "expire", key);
        call.reply().integer(1);
        if (call.propagating()) {
            if (past) {
                call.propagateAs(Effects.DEL, key);
            } else if (base == TimeBase.NOW || unitMillis != ExpireTimes.MILLISECONDS) {
                byte[][] absolute = call.args().clone();
                absolute[0] = Effects.PEXPIREAT;
                absolute[2] = Effects.number(when);
                call.propagateAs(absolute);
            }
        }
    }

    /** TTL, PTTL (from now: the remaining time) and EXPIRETIME, PEXPIRETIME (Unix time): -2 missing, -1 no TTL. */
    private static void replyTime(Call call, TimeBase base, long unitMillis) {
        Database db = call.db();
        byte[] key = call.arg(1);
        if (!db.exists(key)) {
            call.reply().integer(MISSING);
            return;
        }
        long at = db.expireTime(key);
        if (at == Database.NO_EXPIRY) {
            call.reply().integer(Database.NO_EXPIRY);
            return;
        }
        long millis = base == TimeBase.NOW ? Math.max(0, at - call.keyspace().now()) : at;
        call.reply().integer(unitMillis == 1 ? millis : (millis + unitMillis / 2) / unitMillis);
    }

    private static void persist(Call call) {
        boolean persisted = call.db().persist(call.arg(1));
        if (persisted) {
            call.db().notifyEvent(EventClass.GENERIC, "persist", call.arg(1));
        }
        call.reply().integer(persisted ? 1 : 0);
    }
}
