package io.portbind.kv.bitmaps;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/** BITOP AND|OR|XOR|NOT destkey key [key ...]: a bitwise operation over strings, stored at destkey. */
final class BitOperation {

    private static final CommandError NOT_ONE_KEY =
            new CommandError("ERR BITOP NOT must be called with a single source key.");

    private enum Operator { AND, OR, XOR, NOT }

    private BitOperation() {
    }

    /**
     * Shorter strings and missing keys count as zero bytes up to the longest source; the result is as long as
     * the longest source and replaces destkey (its TTL dropped). An empty result deletes destkey. Replies with
     * the result's length.
     */
    static void bitop(Call call) {
        Operator operator = operator(call);
        if (operator == Operator.NOT && call.argCount() != 4) {
            throw NOT_ONE_KEY;
        }
        Database db = call.db();
        byte[][] sources = new byte[call.argCount() - 3][];
        int longest = 0;
        for (int i = 0; i < sources.length; i++) {
            sources[i] = db.getString(call.arg(i + 3));
            if (sources[i] != null) {
                longest = Math.max(longest, sources[i].length);
            }
        }
        byte[] destination = call.arg(2);
        if (longest == 0) {
            if (db.delete(destination)) {
                db.notifyEvent(EventClass.GENERIC, "del", destination);
            }
            call.reply().integer(0);
            return;
        }
        db.put(destination, combine(operator, sources, longest));
        db.notifyEvent(EventClass.STRING, "set", destination);
        call.reply().integer(longest);
    }

    private static byte[] combine(Operator operator, byte[][] sources, int length) {
        byte[] result = new byte[length];
        if (operator == Operator.NOT) {
            for (int i = 0; i < length; i++) {
                result[i] = (byte) ~sources[0][i];
            }
            return result;
        }
        for (int i = 0; i < length; i++) {
            int acc = byteAt(sources[0], i);
            for (int s = 1; s < sources.length; s++) {
                int next = byteAt(sources[s], i);
                acc = switch (operator) {
                    case AND -> acc & next;
                    case OR -> acc | next;
                    default -> acc ^ next;
                };
            }
            result[i] = (byte) acc;
        }
        return result;
    }

    private static int byteAt(byte[] source, int index) {
        return source == null || index >= source.length ? 0 : source[index];
    }

    private static Operator operator(Call call) {
        for (Operator operator : Operator.values()) {
            if (call.is(1, operator.name().toLowerCase(java.util.Locale.ROOT))) {
                return operator;
            }
        }
        throw CommandError.SYNTAX;
    }
}
