package io.portbind.kv.compat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One reply read off the wire, RESP2 or RESP3, kept both as its exact bytes and as a tree, so that
 * replies can be compared byte for byte or, where order is unspecified, element by element.
 */
final class RawReply {

    private final byte[] bytes;
    private final char type;
    private final List<RawReply> children;

    private RawReply(byte[] bytes, char type, List<RawReply> children) {
        this.bytes = bytes;
        this.type = type;
        this.children = children;
    }

    static RawReply read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int first = in.read();
        if (first < 0) {
            throw new EOFException("connection closed before a reply");
        }
        raw.write(first);
        String line = readLine(in, raw);
        char type = (char) first;
        List<RawReply> children = new ArrayList<>();
        switch (type) {
            case '$', '=', '!' -> {
                int length = Integer.parseInt(line);
                if (length >= 0) {
                    raw.write(in.readNBytes(length + 2));
                }
            }
            case '*', '~', '>' -> readChildren(in, raw, children, Integer.parseInt(line));
            case '%', '|' -> readChildren(in, raw, children, 2 * Integer.parseInt(line));
            case '+', '-', ':', '_', ',', '#', '(' -> {
                // The line is the whole reply.
            }
            default -> throw new IOException("not a RESP reply type: '" + type + "' " + line);
        }
        return new RawReply(raw.toByteArray(), type, children);
    }

    private static void readChildren(InputStream in, ByteArrayOutputStream raw, List<RawReply> children, int count)
            throws IOException {
        for (int i = 0; i < count; i++) {
            RawReply child = read(in);
            raw.write(child.bytes);
            children.add(child);
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a reply");
            }
            raw.write(b);
            if (previous == '\r' && b == '\n') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) b);
            previous = b;
        }
    }

    char type() {
        return type;
    }

    /** The elements of an aggregate (a map's keys and values alternating); empty for other replies. */
    List<RawReply> children() {
        return children;
    }

    /** The text of a bulk or simple string reply. */
    String text() {
        String whole = new String(bytes, StandardCharsets.ISO_8859_1);
        return type == '$' ? whole.substring(whole.indexOf("\r\n") + 2, whole.length() - 2)
                : whole.substring(1, whole.length() - 2);
    }

    /** Same bytes, except that the elements of aggregates may come in any order, at the top level. */
    boolean sameIgnoringOrder(RawReply other) {
        if (type != other.type || children.size() != other.children.size() || children.isEmpty()) {
            return Objects.equals(this, other);
        }
        List<String> mine = children.stream().map(RawReply::toString).sorted().toList();
        List<String> theirs = other.children.stream().map(RawReply::toString).sorted().toList();
        return mine.equals(theirs);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawReply reply && Arrays.equals(bytes, reply.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The reply as printable text, CRLF shown as such, for readable assertion messages. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n");
    }
}
