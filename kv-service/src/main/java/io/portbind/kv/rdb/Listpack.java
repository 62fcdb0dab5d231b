package io.portbind.kv.rdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Redis's listpack (listpack.c), the blob behind small hashes and sorted sets and every quicklist node:
 * a 4-byte total size and 2-byte entry count (little-endian; 65535 means "count them"), entries, and a 0xFF end.
 * Each entry is an encoding byte with its data, then its own length written backwards (the "backlen"). Strings
 * that are canonical integers are stored as the smallest integer encoding; everything else as a string with a
 * 6-, 12- or 32-bit length.
 */
final class Listpack {

    static final int HEADER_SIZE = 6;
    static final int END = 0xff;
    private static final int UNKNOWN_COUNT = 65535;

    private Listpack() {
    }

    /** Appends entries one at a time, knowing the blob's size so far (what a quicklist node's fill limit reads). */
    static final class Builder {

        private byte[] bytes = new byte[64];
        private int size = HEADER_SIZE;
        private int count;

        /** Appends {@code element}, as {@code lpAppend} would encode it. */
        Builder add(byte[] element) {
            ensure(element.length + 16);
            int start = size;
            if (CanonicalInteger.test(element)) {
                putInteger(CanonicalInteger.parse(element));
            } else {
                putStringHeader(element.length);
                System.arraycopy(element, 0, bytes, size, element.length);
                size += element.length;
            }
            putBacklen(size - start);
            count++;
            return this;
        }

        /** How many bytes the finished blob would have now, end byte included. */
        int blobSize() {
            return size + 1;
        }

        int count() {
            return count;
        }

        /** The finished listpack. */
        byte[] toBytes() {
            byte[] blob = new byte[size + 1];
            System.arraycopy(bytes, 0, blob, 0, size);
            blob[size] = (byte) END;
            int total = blob.length;
            for (int i = 0; i < 4; i++) {
                blob[i] = (byte) (total >>> (8 * i));
            }
            int header = Math.min(count, UNKNOWN_COUNT);
            blob[4] = (byte) header;
            blob[5] = (byte) (header >>> 8);
            return blob;
        }

        private void putInteger(long v) {
            if (v >= 0 && v <= 127) {
                bytes[size++] = (byte) v; // 0xxxxxxx
            } else if (v >= -4096 && v <= 4095) {
                long u = v & 0x1fff; // 13-bit two's complement: 110xxxxx yyyyyyyy
                bytes[size++] = (byte) ((u >>> 8) | 0xc0);
                bytes[size++] = (byte) u;
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                putTagged(0xf1, v, 2);
            } else if (v >= -(1 << 23) && v < (1 << 23)) {
                putTagged(0xf2, v, 3);
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                putTagged(0xf3, v, 4);
            } else {
                putTagged(0xf4, v, 8);
            }
        }

        private void putTagged(int tag, long v, int width) {
            bytes[size++] = (byte) tag;
            for (int i = 0; i < width; i++) {
                bytes[size++] = (byte) (v >>> (8 * i));
            }
        }

        private void putStringHeader(int length) {
            if (length < 64) {
                bytes[size++] = (byte) (0x80 | length); // 10xxxxxx
            } else if (length < 4096) {
                bytes[size++] = (byte) (0xe0 | (length >>> 8)); // 1110xxxx yyyyyyyy
                bytes[size++] = (byte) length;
            } else {
                putTagged(0xf0, length, 4);
            }
        }

        /** The entry's length in 7-bit groups, most significant first, every byte but the first with bit 7 set. */
        private void putBacklen(int length) {
            int groups = backlenSize(length);
            for (int g = groups - 1; g >= 0; g--) {
                int group = (length >>> (7 * g)) & 127;
                bytes[size++] = (byte) (g == groups - 1 ? group : group | 128);
            }
        }

        private void ensure(int more) {
            if (size + more + 1 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more + 1));
            }
        }
    }

    /** The listpack of {@code elements}. */
    static byte[] of(List<byte[]> elements) {
        Builder builder = new Builder();
        for (byte[] element : elements) {
            builder.add(element);
        }
        return builder.toBytes();
    }

    /**
     * The entries of {@code blob}, integers as their canonical text.
     *
     * @throws IllegalArgumentException naming what is wrong when the blob is not a whole, valid listpack
     */
    static List<byte[]> entries(byte[] blob) {
        BlobReader in = new BlobReader(blob, "listpack");
        long total = in.littleEndian(4);
        int declared = (int) in.littleEndian(2);
        if (total != blob.length) {
            throw new IllegalArgumentException("listpack declares " + total + " bytes but has " + blob.length);
        }
        List<byte[]> entries = new ArrayList<>(Math.min(declared, 1024));
        while (in.peek() != END) {
            int start = in.position();
            entries.add(entry(in));
            checkBacklen(in, in.position() - start);
        }
        in.next();
        if (in.position() != blob.length) {
            throw new IllegalArgumentException("listpack has bytes after its end");
        }
        if (declared != UNKNOWN_COUNT && declared != entries.size()) {
            throw new IllegalArgumentException("listpack declares " + declared + " entries but has " + entries.size());
        }
        return entries;
    }

    private static byte[] entry(BlobReader in) {
        int first = in.next();
        if ((first & 0x80) == 0) {
            return CanonicalInteger.text(first);
        }
        if ((first & 0xc0) == 0x80) {
            return in.bytes(first & 0x3f);
        }
        if ((first & 0xe0) == 0xc0) {
            long u = ((first & 0x1f) << 8) | in.next();
            return CanonicalInteger.text(u >= 1 << 12 ? u - (1 << 13) : u);
        }
        if ((first & 0xf0) == 0xe0) {
            return in.bytes(((first & 0x0f) << 8) | in.next());
        }
        return switch (first) {
            case 0xf0 -> in.bytes(checkedLength(in.littleEndian(4)));
            case 0xf1 -> CanonicalInteger.text((short) in.littleEndian(2));
            case 0xf2 -> CanonicalInteger.text((in.littleEndian(3) << 40) >> 40);
            case 0xf3 -> CanonicalInteger.text((int) in.littleEndian(4));
            case 0xf4 -> CanonicalInteger.text(in.littleEndian(8));
            default -> throw new IllegalArgumentException("listpack entry has unknown encoding " + first);
        };
    }

    private static int checkedLength(long length) {
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("listpack string length " + length + " is too large");
        }
        return (int) length;
    }

    /** Reads the back length after an entry of {@code length} bytes and checks that it says so. */
    private static void checkBacklen(BlobReader in, int length) {
        int groups = backlenSize(length);
        for (int g = groups - 1; g >= 0; g--) {
            int group = (length >>> (7 * g)) & 127;
            int expected = g == groups - 1 ? group : group | 128;
            if (in.next() != expected) {
                throw new IllegalArgumentException("listpack entry ending at " + in.position()
                        + " has a wrong back length");
            }
        }
    }

    /** How many bytes the back length of an entry of {@code length} bytes takes. */
    static int backlenSize(int length) {
        return length <= 127 ? 1 : length < 16383 ? 2 : length < 2097151 ? 3 : length < 268435455 ? 4 : 5;
    }
}
