package io.portbind.kv.aof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array that encodes commands as the AOF holds them, without a stream in between. */
final class ByteBuilder {

    private byte[] bytes = new byte[256];
    private int length;

    int length() {
        return length;
    }

    void command(byte[]... argv) {
        header('*', argv.length);
        for (byte[] arg : argv) {
            header('$', arg.length);
            append(arg, arg.length);
            append(CRLF, 2);
        }
    }

    void append(ByteBuilder other) {
        append(other.bytes, other.length);
    }

    ByteBuffer asBuffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private void header(char type, int count) {
        ensure(24);
        bytes[length++] = (byte) type;
        byte[] digits = Integer.toString(count).getBytes(StandardCharsets.US_ASCII);
        append(digits, digits.length);
        append(CRLF, 2);
    }

    private void append(byte[] source, int count) {
        ensure(count);
        System.arraycopy(source, 0, bytes, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
