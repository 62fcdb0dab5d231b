package io.portbind.kv.rdb;

import java.util.Arrays;

/**
 * Reads a blob already in memory (a listpack, ziplist, zipmap or intset), every read checked against its end:
 * a violation is an {@link IllegalArgumentException} saying which structure ended early, which the RDB reader
 * reports with the blob's offset in the file.
 */
final class BlobReader {

    private final byte[] blob;
    private final String structure;
    private int position;

    BlobReader(byte[] blob, String structure) {
        this.blob = blob;
        this.structure = structure;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position >= blob.length;
    }

    /** The next byte without consuming it. */
    int peek() {
        need(1);
        return blob[position] & 0xff;
    }

    int next() {
        need(1);
        return blob[position++] & 0xff;
    }

    /** An unsigned little-endian number of {@code width} bytes (1 to 8). */
    long littleEndian(int width) {
        need(width);
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) (blob[position + i] & 0xff) << (8 * i);
        }
        position += width;
        return value;
    }

    /** An unsigned big-endian number of {@code width} bytes. */
    long bigEndian(int width) {
        need(width);
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (blob[position + i] & 0xff);
        }
        position += width;
        return value;
    }

    byte[] bytes(int length) {
        need(length);
        byte[] copy = Arrays.copyOfRange(blob, position, position + length);
        position += length;
        return copy;
    }

    void skip(int length) {
        need(length);
        position += length;
    }

    private void need(int length) {
        if (length < 0 || length > blob.length - position) {
            throw new IllegalArgumentException(structure + " ends early at byte " + position + " of " + blob.length);
        }
    }
}
