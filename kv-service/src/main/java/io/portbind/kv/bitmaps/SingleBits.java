package io.portbind.kv.bitmaps;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.Call;

/** SETBIT and GETBIT: one bit of a string. */
final class SingleBits {

    private static final CommandError BAD_BIT = new CommandError("ERR bit is not an integer or out of range");

    private final OwnedBitmaps owned;

    SingleBits(OwnedBitmaps owned) {
        this.owned = owned;
    }

    /**
     * SETBIT key offset 0|1: replies with the bit's old value. The string grows, zero-padded, to hold the bit and
     * keeps its TTL. As in Redis 7.0, a command that neither grows the string nor changes the bit changes nothing
     * (and so propagates nothing).
     */
    void setBit(Call call) {
        long offset = BitOffsets.offset(call.arg(2));
        long on;
        try {
            on = Numbers.parseLong(call.arg(3));
        } catch (CommandError notANumber) {
            throw BAD_BIT;
        }
        if ((on & ~1) != 0) {
            throw BAD_BIT;
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        byte[] current = db.getString(key);
        boolean old = current != null && BitArrays.get(current, offset);
        boolean grows = current == null || (offset >>> 3) >= current.length;
        if (grows || old != (on == 1)) {
            byte[] value = owned.writable(call.keyspace(), current, offset);
            BitArrays.set(value, offset, on == 1);
            db.putKeepTtl(key, value);
            db.notifyEvent(EventClass.STRING, "setbit", key);
        }
        call.reply().integer(old ? 1 : 0);
    }

    /** GETBIT key offset: 0 past the end of the string or for a missing key. */
    static void getBit(Call call) {
        long offset = BitOffsets.offset(call.arg(2));
        byte[] value = call.db().getString(call.arg(1));
        call.reply().integer(value != null && BitArrays.get(value, offset) ? 1 : 0);
    }
}
