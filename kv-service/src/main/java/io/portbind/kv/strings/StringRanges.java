package io.portbind.kv.strings;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.RespRequestDecoder;
import io.portbind.kv.table.Call;
import java.util.Arrays;

/** APPEND, STRLEN, GETRANGE and SETRANGE: commands on parts of a string. */
final class StringRanges {

    private static final byte[] EMPTY = new byte[0];

    private StringRanges() {
    }

    /** Appends argument 2 to the string (created when missing, TTL kept) and replies with the new length. */
    static void append(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        byte[] current = db.getString(key);
        byte[] addition = call.arg(2);
        if (current == null) {
            db.put(key, addition);
            call.db().notifyEvent(EventClass.STRING, "append", key);
            call.reply().integer(addition.length);
            return;
        }
        checkLength(current.length, addition.length);
        byte[] joined = Arrays.copyOf(current, current.length + addition.length);
        System.arraycopy(addition, 0, joined, current.length, addition.length);
        db.putKeepTtl(key, joined);
        call.db().notifyEvent(EventClass.STRING, "append", key);
        call.reply().integer(joined.length);
    }

    static void strlen(Call call) {
        byte[] value = call.db().getString(call.arg(1));
        call.reply().integer(value == null ? 0 : value.length);
    }

    /** GETRANGE key start end: inclusive offsets, negative ones counted from the end, clamped as Redis does. */
    static void getRange(Call call) {
        long start = call.longArg(2);
        long end = call.longArg(3);
        byte[] value = call.db().getString(call.arg(1));
        if (value == null || start < 0 && end < 0 && start > end) {
            call.reply().bulk(EMPTY);
            return;
        }
        long length = value.length;
        start = start < 0 ? Math.max(0, length + start) : start;
        end = end < 0 ? Math.max(0, length + end) : Math.min(end, length - 1);
        if (start > end || length == 0) {
            call.reply().bulk(EMPTY);
            return;
        }
        call.reply().bulk(Arrays.copyOfRange(value, (int) start, (int) end + 1));
    }

    /** SETRANGE key offset value: overwrites from offset, padding with zero bytes; replies with the new length. */
    static void setRange(Call call) {
        long offset = call.longArg(2);
        if (offset < 0) {
            throw new CommandError("ERR offset is out of range");
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        byte[] patch = call.arg(3);
        byte[] current = db.getString(key);
        int currentLength = current == null ? 0 : current.length;
        if (patch.length == 0) {
            call.reply().integer(currentLength);
            return;
        }
        checkLength(offset, patch.length);
        byte[] value = current == null ? new byte[(int) offset + patch.length]
                : Arrays.copyOf(current, Math.max(currentLength, (int) offset + patch.length));
        System.arraycopy(patch, 0, value, (int) offset, patch.length);
        db.putKeepTtl(key, value);
        call.db().notifyEvent(EventClass.STRING, "setrange", key);
        call.reply().integer(value.length);
    }

    /** Refuses a string of {@code start + added} bytes past proto-max-bulk-len; the sum may exceed a long. */
    private static void checkLength(long start, int added) {
        if (start > RespRequestDecoder.MAX_BULK - added) {
            throw CommandError.STRING_TOO_LONG;
        }
    }
}
