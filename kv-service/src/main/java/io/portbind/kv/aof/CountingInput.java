package io.portbind.kv.aof;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An AOF file being read: lines as C's {@code fgets} returns them, exact byte counts, and the offset reached.
 * The size is known up front, so no length read from the file makes us allocate more than it holds.
 */
final class CountingInput {

    private final InputStream in;
    private final long size;
    private long offset;
    private boolean cut;

    CountingInput(InputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    long offset() {
        return offset;
    }

    long remaining() {
        return size - offset;
    }

    /** Whether the file starts with {@code signature}; reads nothing. Only at the start. */
    boolean startsWith(String signature) throws IOException {
        in.mark(signature.length());
        byte[] start = in.readNBytes(signature.length());
        in.reset();
        return new String(start, StandardCharsets.ISO_8859_1).equals(signature);
    }

    /** Counts {@code count} bytes that a reader of {@link #unbuffered} consumed. */
    void consumed(long count) {
        offset += count;
    }

    /** The stream itself, for a reader that reports what it consumes (the RDB loader). */
    InputStream unbuffered() {
        return in;
    }

    /**
     * The next line (without its line end), at most {@code max - 1} bytes as {@code fgets} reads; null at the end
     * of the file. A last line without {@code \n} is returned as it is, and {@link #cut} tells so.
     */
    String line(int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() < max - 1) {
            int c = in.read();
            if (c < 0) {
                cut = line.length() > 0;
                return cut ? line.toString() : null;
            }
            offset++;
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** Whether the last line read ended with the file instead of a line end: a command cut short. */
    boolean cut() {
        return cut;
    }

    byte[] bytes(int count) throws IOException {
        byte[] read = in.readNBytes(count);
        if (read.length < count) {
            throw new EOFException();
        }
        offset += count;
        return read;
    }

    void skip(long count) throws IOException {
        in.skipNBytes(count);
        offset += count;
    }
}
