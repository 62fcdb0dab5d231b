package io.portbind.kv.keys;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/**
 * The NX, XX, GT and LT options of the EXPIRE commands. NX: only when the key has no TTL; XX: only
 * when it has one; GT and LT: only when the new time is later or earlier than the current one, a key
 * without a TTL counting as expiring infinitely late.
 */
record ExpireCondition(boolean nx, boolean xx, boolean gt, boolean lt) {

    /** Parses the options from argument {@code from} on, with Redis's errors for unknown or clashing ones. */
    static ExpireCondition parse(Call call, int from) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        for (int i = from; i < call.argCount(); i++) {
            if (call.is(i, "nx")) {
                nx = true;
            } else if (call.is(i, "xx")) {
                xx = true;
            } else if (call.is(i, "gt")) {
                gt = true;
            } else if (call.is(i, "lt")) {
                lt = true;
            } else {
                throw new CommandError("ERR Unsupported option " + call.text(i));
            }
        }
        if (nx && (xx || gt || lt)) {
            throw new CommandError("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if (gt && lt) {
            throw new CommandError("ERR GT and LT options at the same time are not compatible");
        }
        return new ExpireCondition(nx, xx, gt, lt);
    }

    /** Whether a key whose expiry is {@code current} ({@link Database#NO_EXPIRY} for none) may get {@code next}. */
    boolean allows(long current, long next) {
        boolean persistent = current == Database.NO_EXPIRY;
        if (nx && !persistent || xx && persistent) {
            return false;
        }
        if (gt && (persistent || next <= current)) {
            return false;
        }
        return !lt || persistent || next < current;
    }
}
