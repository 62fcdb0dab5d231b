package io.portbind.kv.rdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Redis's zipmap (zipmap.c), the blob of small hashes in RDB files of Redis 2.x: a count byte, then for each
 * pair the field's length, the field, the value's length, a byte of free space, the value and that many free bytes;
 * a 0xFF end. A length is one byte below 254, else 254 and four bytes (little-endian).
 */
final class Zipmap {

    private static final int END = 0xff;
    private static final int BIG_LENGTH = 254;

    private Zipmap() {
    }

    /**
     * Fields and values alternately.
     *
     * @throws IllegalArgumentException when the blob is not a whole, valid zipmap
     */
    static List<byte[]> entries(byte[] blob) {
        BlobReader in = new BlobReader(blob, "zipmap");
        in.next(); // the count, 254 or more meaning "count them"
        List<byte[]> entries = new ArrayList<>();
        while (in.peek() != END) {
            entries.add(in.bytes(length(in)));
            int valueLength = length(in);
            int free = in.next();
            entries.add(in.bytes(valueLength));
            in.skip(free);
        }
        in.next();
        if (!in.atEnd()) {
            throw new IllegalArgumentException("zipmap has bytes after its end");
        }
        return entries;
    }

    private static int length(BlobReader in) {
        int first = in.next();
        if (first < BIG_LENGTH) {
            return first;
        }
        if (first == END) {
            throw new IllegalArgumentException("zipmap ends inside an entry");
        }
        long length = in.littleEndian(4);
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("zipmap length " + length + " is too large");
        }
        return (int) length;
    }
}
