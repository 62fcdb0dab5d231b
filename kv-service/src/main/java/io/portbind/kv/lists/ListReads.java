package io.portbind.kv.lists;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.util.Arrays;

/** LRANGE, LINDEX and LPOS: reads by index and by value. */
final class ListReads {

    private static final CommandError RANK_ZERO = new CommandError("ERR RANK can't be zero: use 1 to start from "
            + "the first match, 2 from the second ... or use negative to start from the end of the list");
    private static final CommandError COUNT_NEGATIVE = new CommandError("ERR COUNT can't be negative");
    private static final CommandError MAXLEN_NEGATIVE = new CommandError("ERR MAXLEN can't be negative");

    private ListReads() {
    }

    static void lrange(Call call) {
        long start = call.longArg(2);
        long stop = call.longArg(3);
        ListValue list = ListPushPop.at(call);
        Reply reply = call.reply();
        int size = list == null ? 0 : list.size();
        long from = Math.max(0, fromEnd(start, size));
        long to = Math.min(fromEnd(stop, size), size - 1L);
        if (from > to || from >= size) {
            reply.array(0);
            return;
        }
        reply.array((int) (to - from + 1));
        for (long i = from; i <= to; i++) {
            reply.bulk(list.get((int) i));
        }
    }

    static void lindex(Call call) {
        long index = call.longArg(2);
        ListValue list = ListPushPop.at(call);
        if (list == null) {
            call.reply().nullBulk();
            return;
        }
        long position = fromEnd(index, list.size());
        call.reply().bulk(position < 0 || position >= list.size() ? null : list.get((int) position));
    }

    /** LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]. */
    static void lpos(Call call) {
        long rank = 1;
        long count = -1;
        long maxlen = 0;
        for (int i = 3; i < call.argCount(); i += 2) {
            if (i + 1 >= call.argCount()) {
                throw CommandError.SYNTAX;
            }
            long value = call.longArg(i + 1);
            if (call.is(i, "rank")) {
                if (value == 0) {
                    throw RANK_ZERO;
                }
                rank = value;
            } else if (call.is(i, "count")) {
                if (value < 0) {
                    throw COUNT_NEGATIVE;
                }
                count = value;
            } else if (call.is(i, "maxlen")) {
                if (value < 0) {
                    throw MAXLEN_NEGATIVE;
                }
                maxlen = value;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        ListValue list = ListPushPop.at(call);
        Reply reply = call.reply();
        if (list == null) {
            if (count >= 0) {
                reply.array(0);
            } else {
                reply.nullBulk();
            }
            return;
        }
        long[] matches = matches(list, call.arg(2), rank, count < 0 ? 1 : count, maxlen);
        if (count < 0) {
            if (matches.length == 0) {
                reply.nullBulk();
            } else {
                reply.integer(matches[0]);
            }
            return;
        }
        reply.array(matches.length);
        for (long index : matches) {
            reply.integer(index);
        }
    }

    /** Indexes of {@code element}, skipping the first |rank|-1 matches, from the tail when rank is negative. */
    private static long[] matches(ListValue list, byte[] element, long rank, long wanted, long maxlen) {
        int size = list.size();
        long limit = maxlen == 0 ? size : Math.min(maxlen, size);
        long skip = rank > 0 ? rank - 1 : -(rank + 1);
        long[] found = new long[(int) Math.min(wanted == 0 ? size : wanted, size)];
        int count = 0;
        for (int n = 0; n < limit && (wanted == 0 || count < wanted); n++) {
            int index = rank > 0 ? n : size - 1 - n;
            if (Arrays.equals(list.get(index), element)) {
                if (skip > 0) {
                    skip--;
                } else {
                    found[count++] = index;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** A negative index counts from the end (-1 is the last element); the result may still be negative. */
    static long fromEnd(long index, int size) {
        return index < 0 ? index + size : index;
    }
}
