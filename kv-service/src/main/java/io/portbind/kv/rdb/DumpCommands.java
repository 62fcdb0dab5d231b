package io.portbind.kv.rdb;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/**
 * DUMP and RESTORE (Redis's "generic" group), over {@link DumpPayload}. RESTORE checks in Redis 7.0's order:
 * options, then the key (BUSYKEY unless REPLACE), then the TTL, then the payload's footer, then its contents.
 * IDLETIME and FREQ are checked as Redis checks them; no LRU or LFU data is kept per key yet, so they set
 * nothing.
 */
public final class DumpCommands implements CommandFamily {

    private static final CommandError BUSY_KEY = new CommandError("BUSYKEY Target key name already exists.");
    private static final CommandError INVALID_TTL = new CommandError("ERR Invalid TTL value, must be >= 0");
    private static final CommandError INVALID_IDLETIME =
            new CommandError("ERR Invalid IDLETIME value, must be >= 0");
    private static final CommandError INVALID_FREQ =
            new CommandError("ERR Invalid FREQ value, must be >= 0 and <= 255");
    private static final CommandError BAD_PAYLOAD =
            new CommandError("ERR DUMP payload version or checksum are wrong");
    private static final CommandError BAD_FORMAT = new CommandError("ERR Bad data format");
    private static final int MAX_FREQ = 255;

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("dump", DumpCommands::dump)
                .bind("restore", DumpCommands::restore);
    }

    private static void dump(Call call) {
        Object value = call.db().get(call.arg(1));
        if (value == null) {
            call.reply().nullBulk();
        } else {
            call.reply().bulk(DumpPayload.of(value));
        }
    }

    /** RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]. */
    private static void restore(Call call) {
        boolean replace = false;
        boolean absoluteTtl = false;
        long idle = -1;
        long freq = -1;
        for (int j = 4; j < call.argCount(); j++) {
            boolean hasValue = j + 1 < call.argCount();
            if (call.is(j, "replace")) {
                replace = true;
            } else if (call.is(j, "absttl")) {
                absoluteTtl = true;
            } else if (call.is(j, "idletime") && hasValue && freq == -1) {
                idle = call.longArg(++j);
                if (idle < 0) {
                    throw INVALID_IDLETIME;
                }
            } else if (call.is(j, "freq") && hasValue && idle == -1) {
                freq = call.longArg(++j);
                if (freq < 0 || freq > MAX_FREQ) {
                    throw INVALID_FREQ;
                }
            } else {
                throw CommandError.SYNTAX;
            }
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        if (!replace && db.exists(key)) {
            throw BUSY_KEY;
        }
        long ttl = call.longArg(2);
        if (ttl < 0) {
            throw INVALID_TTL;
        }
        byte[] payload = call.arg(3);
        if (!DumpPayload.verify(payload)) {
            throw BAD_PAYLOAD;
        }
        Object value;
        try {
            value = DumpPayload.parse(payload);
        } catch (RdbFormatException invalid) {
            throw BAD_FORMAT;
        }
        if (replace) {
            db.delete(key);
        }
        long expireAt = ttl == 0 ? Database.NO_EXPIRY : absoluteTtl ? ttl : ttl + call.keyspace().now();
        if (expireAt != Database.NO_EXPIRY && expireAt <= call.keyspace().now()) {
            call.reply().ok(); // already expired: Redis replies OK and leaves the key deleted
            return;
        }
        db.put(key, value);
        if (expireAt != Database.NO_EXPIRY) {
            db.setExpireTime(key, expireAt);
        }
        db.notifyEvent(EventClass.GENERIC, "restore", key);
        call.reply().ok();
    }
}
