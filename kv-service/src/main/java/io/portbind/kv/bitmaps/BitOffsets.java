package io.portbind.kv.bitmaps;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.resp.RespRequestDecoder;

/** Parsing of bit offsets and bit-field types, with Redis's limits and error texts. */
final class BitOffsets {

    static final CommandError BAD_OFFSET = new CommandError("ERR bit offset is not an integer or out of range");
    static final CommandError BAD_TYPE = new CommandError(
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");

    private BitOffsets() {
    }

    /**
     * A bit offset: a non-negative integer whose byte lies below proto-max-bulk-len (512 MB), so that no command
     * can make a string longer than a bulk string may be. Checked before anything is allocated for it.
     */
    static long offset(byte[] text) {
        return checked(parse(text, 0));
    }

    /**
     * A BITFIELD offset: as {@link #offset}, or {@code #n} for the n-th field of {@code bits} bits. The product
     * wraps as Redis's 64-bit multiplication does, so an overflow lands on the same error.
     */
    static long fieldOffset(byte[] text, int bits) {
        if (text.length > 0 && text[0] == '#') {
            return checked(parse(text, 1) * bits);
        }
        return checked(parse(text, 0));
    }

    /** A bit-field type: {@code i1}..{@code i64} or {@code u1}..{@code u63}, lower case only (as Redis 7.0). */
    static FieldType fieldType(byte[] text) {
        if (text.length == 0) {
            throw BAD_TYPE;
        }
        boolean signed = text[0] == 'i';
        if (!signed && text[0] != 'u') {
            throw BAD_TYPE;
        }
        long bits;
        try {
            bits = Numbers.parseLong(text, 1, text.length);
        } catch (CommandError notANumber) {
            throw BAD_TYPE;
        }
        if (bits < 1 || bits > (signed ? 64 : 63)) {
            throw BAD_TYPE;
        }
        return new FieldType(signed, (int) bits);
    }

    private static long parse(byte[] text, int from) {
        try {
            return Numbers.parseLong(text, from, text.length);
        } catch (CommandError notANumber) {
            throw BAD_OFFSET;
        }
    }

    private static long checked(long offset) {
        if (offset < 0 || (offset >>> 3) >= RespRequestDecoder.MAX_BULK) {
            throw BAD_OFFSET;
        }
        return offset;
    }
}
