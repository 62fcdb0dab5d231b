package io.portbind.kv.rdb;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The primitive writes of RDB (lengths, strings, numbers) into a buffer that is handed to the stream a block at a
 * time, keeping the CRC-64 of everything written. Strings are encoded as redis-server's {@code rdbSaveRawString}
 * does: a canonical integer of at most 32 bits as INT8/16/32, a string over 20 bytes LZF-compressed when that
 * saves at least 4 bytes, anything else as length and bytes.
 */
final class RdbOutput {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_INTEGER_ENCODED = 11;
    private static final int MIN_COMPRESSED = 21;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int used;
    private long crc;

    RdbOutput(OutputStream out) {
        this.out = out;
    }

    void writeByte(int b) throws IOException {
        if (used == BUFFER) {
            drain();
        }
        buffer[used++] = (byte) b;
    }

    void writeBytes(byte[] data) throws IOException {
        if (data.length > BUFFER - used) {
            drain();
            if (data.length > BUFFER) {
                crc = Crc64.update(crc, data, 0, data.length);
                out.write(data);
                return;
            }
        }
        System.arraycopy(data, 0, buffer, used, data.length);
        used += data.length;
    }

    void writeLittleEndian(long value, int width) throws IOException {
        for (int i = 0; i < width; i++) {
            writeByte((int) (value >>> (8 * i)));
        }
    }

    /**
     * A length in the shortest of RDB's 6-, 14-, 32- and 64-bit forms (the longer two big-endian), read as unsigned:
     * a stream group's unknown read counter, -1, is written as Redis writes it, 2^64 - 1.
     */
    void writeLength(long length) throws IOException {
        if (length >= 0 && length < 1 << 6) {
            writeByte((int) length);
        } else if (length >= 0 && length < 1 << 14) {
            writeByte((int) ((length >> 8) | (Rdb.LEN_14BIT << 6)));
            writeByte((int) length);
        } else if (length >= 0 && length <= 0xffffffffL) {
            writeByte(Rdb.LEN_32BIT);
            for (int shift = 24; shift >= 0; shift -= 8) {
                writeByte((int) (length >>> shift));
            }
        } else {
            writeByte(Rdb.LEN_64BIT);
            for (int shift = 56; shift >= 0; shift -= 8) {
                writeByte((int) (length >>> shift));
            }
        }
    }

    /** A string, encoded as Redis chooses (see the class comment). */
    void writeString(byte[] text) throws IOException {
        if (text.length <= MAX_INTEGER_ENCODED && CanonicalInteger.test(text)) {
            long value = CanonicalInteger.parse(text);
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                writeInteger(value);
                return;
            }
        }
        if (text.length >= MIN_COMPRESSED) {
            byte[] compressed = Lzf.compress(text, text.length - 4);
            if (compressed != null) {
                writeByte((Rdb.LEN_ENCVAL << 6) | Rdb.ENC_LZF);
                writeLength(compressed.length);
                writeLength(text.length);
                writeBytes(compressed);
                return;
            }
        }
        writeLength(text.length);
        writeBytes(text);
    }

    /** The text of {@code value}, as {@code rdbSaveLongLongAsStringObject} writes it (AUX numbers). */
    void writeString(long value) throws IOException {
        writeString(CanonicalInteger.text(value));
    }

    void writeBinaryDouble(double value) throws IOException {
        writeLittleEndian(Double.doubleToRawLongBits(value), 8);
    }

    /** The checksum of everything written so far. */
    long crc() throws IOException {
        drain();
        return crc;
    }

    /** Hands everything buffered to the stream, and flushes it. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void writeInteger(long value) throws IOException {
        int encoded = Rdb.LEN_ENCVAL << 6;
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            writeByte(encoded | Rdb.ENC_INT8);
            writeLittleEndian(value, 1);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            writeByte(encoded | Rdb.ENC_INT16);
            writeLittleEndian(value, 2);
        } else {
            writeByte(encoded | Rdb.ENC_INT32);
            writeLittleEndian(value, 4);
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            crc = Crc64.update(crc, buffer, 0, used);
            out.write(buffer, 0, used);
            used = 0;
        }
    }
}
