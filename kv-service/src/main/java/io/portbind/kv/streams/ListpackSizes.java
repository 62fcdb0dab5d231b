package io.portbind.kv.streams;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;

/**
 * The bytes one element takes in a Redis listpack, for sizing stream nodes as Redis does: a node is closed when
 * its listpack would pass {@code stream-node-max-bytes}, and approximate trimming removes whole nodes, so where
 * nodes end decides what {@code MAXLEN ~} keeps. Strings that are canonical integers are stored as integers.
 */
final class ListpackSizes {

    /** The header (total bytes and count) and the end byte of an empty listpack. */
    static final int EMPTY = 7;

    private ListpackSizes() {
    }

    /** The size of an integer element: its encoding, then a one-byte back length. */
    static int integer(long value) {
        int encoded;
        if (value >= 0 && value <= 127) {
            encoded = 1;
        } else if (value >= -4096 && value <= 4095) {
            encoded = 2;
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            encoded = 3;
        } else if (value >= -(1 << 23) && value < (1 << 23)) {
            encoded = 4;
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            encoded = 5;
        } else {
            encoded = 9;
        }
        return encoded + 1;
    }

    /** The size of a string element, or of the integer it spells. */
    static int element(byte[] text) {
        if (text.length > 0 && text.length <= Numbers.MAX_LONG_CHARS) {
            try {
                return integer(Numbers.parseLong(text));
            } catch (CommandError notAnInteger) {
                // stored as a string
            }
        }
        int length = text.length;
        int encoded = (length < 64 ? 1 : length < 4096 ? 2 : 5) + length;
        return encoded + backlen(encoded);
    }

    private static int backlen(int length) {
        return length <= 127 ? 1 : length < 16383 ? 2 : length < 2097151 ? 3 : length < 268435455 ? 4 : 5;
    }
}
