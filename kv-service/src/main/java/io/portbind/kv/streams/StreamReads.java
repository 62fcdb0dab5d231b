package io.portbind.kv.streams;

import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** XLEN, XRANGE and XREVRANGE. */
final class StreamReads {

    private static final CommandError INVALID_START = new CommandError("ERR invalid start ID for the interval");
    private static final CommandError INVALID_END = new CommandError("ERR invalid end ID for the interval");

    private StreamReads() {
    }

    static void xlen(Call call) {
        StreamValue stream = call.db().get(call.arg(1), ValueType.STREAM);
        call.reply().integer(stream == null ? 0 : stream.length());
    }

    /** An interval's lower end: {@code (id} excludes it, a missing sequence is 0. */
    static StreamId start(byte[] text) {
        if (text.length > 1 && text[0] == '(') {
            StreamId next = StreamId.parseStrict(Arrays.copyOfRange(text, 1, text.length), 0).next();
            if (next == null) {
                throw INVALID_START;
            }
            return next;
        }
        return StreamId.parse(text, 0);
    }

    /** An interval's upper end: {@code (id} excludes it, a missing sequence is the largest. */
    static StreamId end(byte[] text) {
        if (text.length > 1 && text[0] == '(') {
            StreamId previous = StreamId.parseStrict(Arrays.copyOfRange(text, 1, text.length), -1L)
                    .previous();
            if (previous == null) {
                throw INVALID_END;
            }
            return previous;
        }
        return StreamId.parse(text, -1L);
    }

    /** XRANGE key start end [COUNT n] and, {@code reverse}, XREVRANGE key end start [COUNT n]. */
    static void range(Call call, boolean reverse) {
        StreamId start = start(call.arg(reverse ? 3 : 2));
        StreamId end = end(call.arg(reverse ? 2 : 3));
        long count = -1;
        for (int i = 4; i < call.argCount(); i++) {
            if (call.is(i, "count") && i + 1 < call.argCount()) {
                count = Math.max(0, call.longArg(i + 1));
                i++;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        StreamValue stream = call.db().get(call.arg(1), ValueType.STREAM);
        Reply reply = call.reply();
        if (stream == null) {
            reply.array(0);
        } else if (count == 0) {
            reply.nullArray();
        } else {
            write(reply, stream, start, end, count < 0 ? Long.MAX_VALUE : count, reverse);
        }
    }

    /** Writes up to {@code count} entries from {@code start} to {@code end} as an array; returns how many. */
    static int write(Reply reply, StreamValue stream, StreamId start, StreamId end, long count, boolean reverse) {
        List<Map.Entry<StreamId, byte[][]>> found = collect(stream, start, end, count, reverse);
        reply.array(found.size());
        for (Map.Entry<StreamId, byte[][]> entry : found) {
            StreamReplies.entry(reply, entry);
        }
        return found.size();
    }

    /** Up to {@code count} entries from {@code start} to {@code end}, without walking past the last one wanted. */
    static List<Map.Entry<StreamId, byte[][]>> collect(StreamValue stream, StreamId start, StreamId end, long count,
                                                      boolean reverse) {
        List<Map.Entry<StreamId, byte[][]>> found = new ArrayList<>();
        if (start.compareTo(end) > 0) {
            return found;
        }
        NavigableMap<StreamId, byte[][]> range = stream.entries().subMap(start, true, end, true);
        for (Map.Entry<StreamId, byte[][]> entry : reverse ? range.descendingMap().entrySet() : range.entrySet()) {
            if (found.size() >= count) {
                break;
            }
            found.add(entry);
        }
        return found;
    }
}
