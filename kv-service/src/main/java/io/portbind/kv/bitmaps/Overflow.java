package io.portbind.kv.bitmaps;

/**
 * What BITFIELD does when SET or INCRBY gives a value its type cannot hold (OVERFLOW WRAP|SAT|FAIL). The range
 * checks are Redis's {@code checkSignedBitfieldOverflow} and {@code checkUnsignedBitfieldOverflow}: for unsigned
 * types the value is compared as an unsigned 64-bit number, so {@code SET u8 -1} overflows.
 */
enum Overflow {
    WRAP, SAT, FAIL;

    /** The value to store for {@code value + increment} in {@code type}, or null when FAIL refuses it. */
    Long apply(FieldType type, long value, long increment) {
        int direction = type.signed() ? signedDirection(type, value, increment)
                : unsignedDirection(type, value, increment);
        if (direction == 0) {
            return value + increment;
        }
        return switch (this) {
            case WRAP -> type.wrap(value + increment);
            case SAT -> direction > 0 ? type.max() : type.min();
            case FAIL -> null;
        };
    }

    /** 1 above the type's range, -1 below it, 0 inside. */
    private static int unsignedDirection(FieldType type, long value, long increment) {
        long max = type.max();
        if (Long.compareUnsigned(value, max) > 0 || increment > 0 && increment > max - value) {
            return 1;
        }
        return increment < 0 && increment < -value ? -1 : 0;
    }

    private static int signedDirection(FieldType type, long value, long increment) {
        long max = type.max();
        long min = type.min();
        long maxIncrement = max - value;
        long minIncrement = min - value;
        boolean narrow = type.bits() != 64;
        if (value > max || narrow && increment > maxIncrement
                || value >= 0 && increment > 0 && increment > maxIncrement) {
            return 1;
        }
        if (value < min || narrow && increment < minIncrement
                || value < 0 && increment < 0 && increment < minIncrement) {
            return -1;
        }
        return 0;
    }
}
