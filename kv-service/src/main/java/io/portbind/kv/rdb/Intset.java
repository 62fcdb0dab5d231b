package io.portbind.kv.rdb;

/**
 * Redis's intset (intset.c), the blob of a small set of integers: a 4-byte encoding (the width of every member:
 * 2, 4 or 8 bytes), a 4-byte count, then the members in ascending order, all little-endian. The width is the
 * smallest that holds every member, as a set built by SADD would have it.
 */
final class Intset {

    private Intset() {
    }

    /** The intset of {@code ascending}, which must be sorted and free of duplicates. */
    static byte[] of(long[] ascending) {
        int width = 2;
        for (long value : ascending) {
            width = Math.max(width, widthOf(value));
        }
        byte[] blob = new byte[8 + width * ascending.length];
        putLittleEndian(blob, 0, width, 4);
        putLittleEndian(blob, 4, ascending.length, 4);
        for (int i = 0; i < ascending.length; i++) {
            putLittleEndian(blob, 8 + i * width, ascending[i], width);
        }
        return blob;
    }

    /**
     * The members of {@code blob}.
     *
     * @throws IllegalArgumentException when it is not a whole intset of strictly ascending members
     */
    static long[] members(byte[] blob) {
        BlobReader in = new BlobReader(blob, "intset");
        long width = in.littleEndian(4);
        long count = in.littleEndian(4);
        if (width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("intset has invalid encoding " + width);
        }
        if (8 + width * count != blob.length) {
            throw new IllegalArgumentException("intset of " + count + " members of " + width + " bytes has "
                    + blob.length + " bytes");
        }
        long[] members = new long[(int) count];
        int shift = 64 - 8 * (int) width;
        for (int i = 0; i < count; i++) {
            members[i] = (in.littleEndian((int) width) << shift) >> shift;
            if (i > 0 && members[i] <= members[i - 1]) {
                throw new IllegalArgumentException("intset members are not in ascending order");
            }
        }
        return members;
    }

    private static int widthOf(long value) {
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return 2;
        }
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? 4 : 8;
    }

    private static void putLittleEndian(byte[] blob, int at, long value, int width) {
        for (int i = 0; i < width; i++) {
            blob[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
