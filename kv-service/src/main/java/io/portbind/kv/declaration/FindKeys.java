package io.portbind.kv.declaration;

/**
 * Which arguments, counted from where {@link BeginSearch} begins, are keys: a range, a count read from the
 * arguments, or nothing the table can describe.
 */
public sealed interface FindKeys permits FindKeys.Range, FindKeys.KeyNum, FindKeys.Unknown {

    /**
     * Keys from the begin index to {@code lastKey} past it (a negative {@code lastKey} counts from the end of the
     * arguments, -1 being the last), every {@code step}-th argument. A non-zero {@code limit} with {@code lastKey}
     * -1 stops at the {@code 1/limit} part of the remaining arguments (XREAD's STREAMS, keys then ids).
     */
    record Range(int lastKey, int step, int limit) implements FindKeys {

        /** {@code step} is at least 1 and {@code limit} not negative. */
        public Range {
            if (step < 1) {
                throw new IllegalArgumentException("find_keys range step must be at least 1, not " + step);
            }
            if (limit < 0) {
                throw new IllegalArgumentException("find_keys range limit must not be negative, not " + limit);
            }
        }
    }

    /**
     * The argument {@code keyNumIndex} past the begin index holds the number of keys; the keys start
     * {@code firstKey} past the begin index, every {@code step}-th argument.
     */
    record KeyNum(int keyNumIndex, int firstKey, int step) implements FindKeys {

        /** Offsets are not negative and {@code step} is at least 1. */
        public KeyNum {
            if (keyNumIndex < 0 || firstKey < 0) {
                throw new IllegalArgumentException("find_keys keynum offsets must not be negative");
            }
            if (step < 1) {
                throw new IllegalArgumentException("find_keys keynum step must be at least 1, not " + step);
            }
        }
    }

    /** No rule the table can describe; such a spec yields no keys. */
    record Unknown() implements FindKeys {
    }
}
