package io.portbind.kv.streams;

import io.portbind.kv.resp.CommandError;
import java.nio.charset.StandardCharsets;

/**
 * A stream entry id, {@code <ms>-<seq>}: two unsigned 64-bit numbers compared as one 128-bit number, as Redis's
 * {@code streamID}. The parsing rules are those of t_stream.c: {@code -} and {@code +} stand for the smallest and
 * largest ids unless the id must be strict, and a missing sequence is filled in by the caller's choice.
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {

    public static final StreamId MIN = new StreamId(0, 0);
    public static final StreamId MAX = new StreamId(-1L, -1L);

    static final CommandError INVALID =
            new CommandError("ERR Invalid stream ID specified as stream command argument");
    /** Redis copies an id argument into a 128-byte buffer first; longer text is invalid. */
    private static final int MAX_TEXT = 127;

    @Override
    public int compareTo(StreamId other) {
        int byMs = Long.compareUnsigned(ms, other.ms);
        return byMs != 0 ? byMs : Long.compareUnsigned(seq, other.seq);
    }

    public boolean isZero() {
        return ms == 0 && seq == 0;
    }

    /** The next id, or null past the largest (Redis's streamIncrID failing). */
    public StreamId next() {
        if (seq != -1L) {
            return new StreamId(ms, seq + 1);
        }
        return ms == -1L ? null : new StreamId(ms + 1, 0);
    }

    /** The previous id, or null before the smallest (streamDecrID failing). */
    public StreamId previous() {
        if (seq != 0) {
            return new StreamId(ms, seq - 1);
        }
        return ms == 0 ? null : new StreamId(ms - 1, -1L);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }

    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code <ms>-<seq>} or {@code <ms>} (the sequence then being {@code missingSeq}), {@code -} and {@code +}. */
    public static StreamId parse(byte[] text, long missingSeq) {
        if (text.length == 1 && text[0] == '-') {
            return MIN;
        }
        if (text.length == 1 && text[0] == '+') {
            return MAX;
        }
        return parseStrict(text, missingSeq);
    }

    /** As {@link #parse} without {@code -} and {@code +} (Redis's streamParseStrictIDOrReply). */
    public static StreamId parseStrict(byte[] text, long missingSeq) {
        Parsed parsed = parseWithSequence(text, missingSeq, false);
        return parsed.id();
    }

    /** An id as XADD takes it: {@code <ms>-*} leaves the sequence to the stream ({@code sequenceGiven} false). */
    static Parsed parseForAdd(byte[] text) {
        return parseWithSequence(text, 0, true);
    }

    /** A parsed id, and whether its sequence was written ({@code <ms>-*} is an id without one). */
    record Parsed(StreamId id, boolean sequenceGiven) {
    }

    private static Parsed parseWithSequence(byte[] text, long missingSeq, boolean starAllowed) {
        if (text.length > MAX_TEXT) {
            throw INVALID;
        }
        int dash = -1;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '-') {
                dash = i;
                break;
            }
        }
        if (dash < 0) {
            return new Parsed(new StreamId(unsigned(text, 0, text.length), missingSeq), true);
        }
        long ms = unsigned(text, 0, dash);
        if (starAllowed && text.length == dash + 2 && text[dash + 1] == '*') {
            return new Parsed(new StreamId(ms, 0), false);
        }
        return new Parsed(new StreamId(ms, unsigned(text, dash + 1, text.length)), true);
    }

    /** Decimal digits as an unsigned 64-bit number (Redis's string2ull), or the invalid-id error. */
    private static long unsigned(byte[] text, int from, int to) {
        if (from == to) {
            throw INVALID;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                throw INVALID;
            }
            long times10 = value * 10;
            if (Long.compareUnsigned(value, 0x1999999999999999L) > 0
                    || Long.compareUnsigned(times10 + digit, times10) < 0) {
                throw INVALID;
            }
            value = times10 + digit;
        }
        return value;
    }
}
