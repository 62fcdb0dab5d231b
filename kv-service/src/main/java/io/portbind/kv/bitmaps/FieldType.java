package io.portbind.kv.bitmaps;

/** A BITFIELD type: {@code i<bits>} (two's complement, 1 to 64 bits) or {@code u<bits>} (1 to 63 bits). */
record FieldType(boolean signed, int bits) {

    /** The field's value read from its raw bits, sign-extended when signed. */
    long fromRaw(long raw) {
        if (signed && bits < 64 && (raw & 1L << (bits - 1)) != 0) {
            return raw | -1L << bits;
        }
        return raw;
    }

    long max() {
        if (signed) {
            return bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        }
        return (1L << bits) - 1;
    }

    long min() {
        return signed ? -max() - 1 : 0;
    }

    /** {@code value} cut to the type's width, two's complement wrapping as Redis's WRAP does. */
    long wrap(long value) {
        return bits == 64 ? value : fromRaw(value & ~(-1L << bits));
    }
}
