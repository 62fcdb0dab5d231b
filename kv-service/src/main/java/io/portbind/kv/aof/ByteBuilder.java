package io.portbind.kv.aof;

import java.nio.ByteBuffer;
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
    /** Digits of the largest count or length, {@link Integer#MAX_VALUE}. */
    private static final int MAX_INT_DIGITS = 10;

    /** {@code <type><count>\r\n}, the digits written in place: no text is made per argument. */
    private void header(char type, int count) {
        ensure(1 + MAX_INT_DIGITS + 2);
        bytes[length++] = (byte) type;
        int digits = 1;
        for (int rest = count / 10; rest > 0; rest /= 10) {
            digits++;
        }
        length += digits;
        int at = length;
        int rest = count;
        do {
            bytes[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        bytes[length++] = '\r';
        bytes[length++] = '\n';
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
