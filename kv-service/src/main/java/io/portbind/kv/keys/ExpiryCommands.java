package io.portbind.kv.keys;

import static io.portbind.kv.table.Arg.integer;
import static io.portbind.kv.table.Arg.key;
import static io.portbind.kv.table.Arg.keyword;
import static io.portbind.kv.table.Arg.oneOf;
import static io.portbind.kv.table.Arg.unixTime;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.GENERIC;
import static io.portbind.kv.table.CommandSpec.CONSTANT_TIME;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.table.Arg;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Command;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (NX XX GT LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME, PERSIST. */
public final class ExpiryCommands implements CommandFamily {

    private static final long MISSING = -2;

    @Override
    public void register(CommandRegistry registry) {
        registry.add(expire("expire", call -> setExpiry(call, TimeBase.NOW, ExpireTimes.SECONDS),
                        integer("seconds"), "2.1.0", "Sets the expiration time of a key in seconds."))
                .add(expire("pexpire", call -> setExpiry(call, TimeBase.NOW, ExpireTimes.MILLISECONDS),
                        integer("milliseconds"), "2.6.0", "Sets the expiration time of a key in milliseconds."))
                .add(expire("expireat", call -> setExpiry(call, TimeBase.UNIX_EPOCH, ExpireTimes.SECONDS),
                        unixTime("unix-time-seconds"), "1.2.0",
                        "Sets the expiration time of a key to a Unix timestamp."))
                .add(expire("pexpireat", call -> setExpiry(call, TimeBase.UNIX_EPOCH, ExpireTimes.MILLISECONDS),
                        unixTime("unix-time-milliseconds"), "2.6.0",
                        "Sets the expiration time of a key to a Unix milliseconds timestamp."))
                .add(query("ttl", call -> replyTime(call, TimeBase.NOW, ExpireTimes.SECONDS), "1.0.0",
                        "Returns the expiration time in seconds of a key."))
                .add(query("pttl", call -> replyTime(call, TimeBase.NOW, ExpireTimes.MILLISECONDS), "2.6.0",
                        "Returns the expiration time in milliseconds of a key."))
                .add(query("expiretime", call -> replyTime(call, TimeBase.UNIX_EPOCH, ExpireTimes.SECONDS), "7.0.0",
                        "Returns the expiration time of a key as a Unix timestamp."))
                .add(query("pexpiretime", call -> replyTime(call, TimeBase.UNIX_EPOCH, ExpireTimes.MILLISECONDS),
                        "7.0.0", "Returns the expiration time of a key as a Unix milliseconds timestamp."))
                .add(command("persist", ExpiryCommands::persist).arity(2).flags(WRITE, FAST).keys(1, 1, 1)
                        .group(GENERIC).since("2.2.0").summary("Removes the expiration time of a key.")
                        .complexity(CONSTANT_TIME).args(key("key")));
    }

    /** One of the four EXPIRE commands, whose time argument is {@code time}. */
    private static CommandSpec.Builder expire(String name, Command body, Arg time, String since, String summary) {
        return command(name, body).arity(-3).flags(WRITE, FAST).keys(1, 1, 1).group(GENERIC).since(since)
                .summary(summary).complexity(CONSTANT_TIME).args(key("key"), time,
                        oneOf("condition", keyword("NX"), keyword("XX"), keyword("GT"), keyword("LT"))
                                .since("7.0.0").optional());
    }

    private static CommandSpec.Builder query(String name,
            Command body, String since, String summary) {
        return command(name, body).arity(2).flags(READONLY, FAST).keys(1, 1, 1).group(GENERIC).since(since)
                .summary(summary).complexity(CONSTANT_TIME).args(key("key"));
    }

    /**
     * The one routine behind the four EXPIRE commands: parses the NX/XX/GT/LT options, then the time
     * (counted from {@code base}, in units of {@code unitMillis}), then applies it.
     * A time already past deletes the key. Replies 1 when the TTL was set, 0 when not.
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
        db.setExpireTime(key, when);
        call.reply().integer(1);
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
        call.reply().integer(call.db().persist(call.arg(1)) ? 1 : 0);
    }
}
