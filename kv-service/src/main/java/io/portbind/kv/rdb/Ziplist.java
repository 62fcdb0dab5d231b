package io.portbind.kv.rdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Redis's ziplist (ziplist.c), the blob of small lists, hashes and sorted sets in RDB files written before
 * 7.0: a header of total bytes, tail offset (4 bytes each) and entry count (2 bytes, 65535 meaning "count them"),
 * all little-endian; entries each led by the previous entry's length (1 byte, or 0xFE and 4 bytes) and an
 * encoding (strings of 6-, 14- or 32-bit length, or integers of 8 to 64 bits, or 0 to 12 in the byte itself);
 * a 0xFF end. Redis 7.0 reads but never writes it; nor do we.
 */
final class Ziplist {

    private static final int HEADER_SIZE = 10;
    private static final int END = 0xff;
    private static final int BIG_PREVLEN = 254;
    private static final int UNKNOWN_COUNT = 65535;

    private Ziplist() {
    }

    /**
     * The entries of {@code blob}, integers as their canonical text.
     *
     * @throws IllegalArgumentException naming what is wrong when the blob is not a whole, valid ziplist
     */
    static List<byte[]> entries(byte[] blob) {
        BlobReader in = new BlobReader(blob, "ziplist");
        long total = in.littleEndian(4);
        in.littleEndian(4); // the tail offset, only a shortcut
        int declared = (int) in.littleEndian(2);
        if (total != blob.length) {
            throw new IllegalArgumentException("ziplist declares " + total + " bytes but has " + blob.length);
        }
        List<byte[]> entries = new ArrayList<>(Math.min(declared, 1024));
        int previousLength = 0;
        while (in.peek() != END) {
            int start = in.position();
            int prevlen = in.next();
            long stated = prevlen < BIG_PREVLEN ? prevlen : in.littleEndian(4);
            if (prevlen == BIG_PREVLEN + 1 || stated != previousLength) {
                throw new IllegalArgumentException("ziplist entry at " + start + " has a wrong previous length");
            }
            entries.add(entry(in));
            previousLength = in.position() - start;
        }
        in.next();
        if (in.position() != blob.length) {
            throw new IllegalArgumentException("ziplist has bytes after its end");
        }
        if (declared != UNKNOWN_COUNT && declared != entries.size()) {
            throw new IllegalArgumentException("ziplist declares " + declared + " entries but has " + entries.size());
        }
        if (entries.isEmpty() && blob.length != HEADER_SIZE + 1) {
            throw new IllegalArgumentException("ziplist is malformed");
        }
        return entries;
    }

    private static byte[] entry(BlobReader in) {
        int encoding = in.next();
        switch (encoding >> 6) {
            case 0:
                return in.bytes(encoding & 0x3f);
            case 1:
                return in.bytes(((encoding & 0x3f) << 8) | in.next());
            case 2:
                if (encoding != 0x80) {
                    throw new IllegalArgumentException("ziplist entry has unknown encoding " + encoding);
                }
                long length = in.bigEndian(4);
                if (length > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("ziplist string length " + length + " is too large");
                }
                return in.bytes((int) length);
            default:
                return CanonicalInteger.text(integer(in, encoding));
        }
    }

    private static long integer(BlobReader in, int encoding) {
        return switch (encoding) {
            case 0xc0 -> (short) in.littleEndian(2);
            case 0xd0 -> (int) in.littleEndian(4);
            case 0xe0 -> in.littleEndian(8);
            case 0xf0 -> (in.littleEndian(3) << 40) >> 40;
            case 0xfe -> (byte) in.littleEndian(1);
            default -> {
                if (encoding >= 0xf1 && encoding <= 0xfd) {
                    yield (encoding & 0x0f) - 1; // 1111xxxx holds 0 to 12 as xxxx - 1
                }
                throw new IllegalArgumentException("ziplist entry has unknown encoding " + encoding);
            }
        };
    }
}
