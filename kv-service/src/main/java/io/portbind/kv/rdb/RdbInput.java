package io.portbind.kv.rdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The primitive reads of RDB (lengths, strings in all their encodings, numbers), counting the offset for errors
 * and the CRC-64 of every byte. It reads exactly what it is asked for and never ahead, so whatever follows the RDB
 * part of a stream stays in the stream. Every length is bounded before anything is allocated, and big strings are
 * read in growing chunks, so a corrupt length cannot make us allocate what the file does not hold.
 */
final class RdbInput {

    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final String file;
    private long offset;
    private long crc;

    RdbInput(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    long offset() {
        return offset;
    }

    /** The checksum of every byte read so far. */
    long crc() {
        return crc;
    }

    /** An error at the current offset. */
    RdbFormatException corrupt(String problem) {
        return new RdbFormatException(file, offset, problem);
    }

    /** An error at {@code at}. */
    RdbFormatException corruptAt(long at, String problem) {
        return new RdbFormatException(file, at, problem);
    }

    /** One unsigned byte; {@code expected} says what it should be, for the error at the end of the file. */
    int readByte(String expected) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw corrupt("unexpected end of file, expected " + expected);
        }
        crc = Crc64.update(crc, b);
        offset++;
        return b;
    }

    /** Exactly {@code length} bytes, allocated as they arrive. */
    byte[] readBytes(int length, String expected) throws IOException {
        byte[] data = new byte[Math.min(length, CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(length, (long) data.length * 2));
            }
            int n = in.read(data, filled, data.length - filled);
            if (n < 0) {
                throw corrupt("unexpected end of file, expected " + expected + " (" + (length - filled)
                        + " more bytes)");
            }
            crc = Crc64.update(crc, data, filled, n);
            filled += n;
            offset += n;
        }
        return data;
    }

    /** An unsigned little-endian number of {@code width} bytes (1 to 8). */
    long readLittleEndian(int width, String expected) throws IOException {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) readByte(expected) << (8 * i);
        }
        return value;
    }

    /** A length (RDB's 6-, 14-, 32- or 64-bit form); an encoded value where a length belongs is corruption. */
    long readLength(String expected) throws IOException {
        long at = offset;
        int first = readByte(expected);
        if ((first >> 6) == Rdb.LEN_ENCVAL) {
            throw corruptAt(at, "expected " + expected + ", found string encoding byte " + first);
        }
        return lengthAfter(first, expected);
    }

    /** A length that counts elements or bytes we are about to read, so at most {@code max}. */
    int readCount(String expected, long max) throws IOException {
        long at = offset;
        long length = readLength(expected);
        if (length < 0 || length > max) {
            throw corruptAt(at, expected + " " + Long.toUnsignedString(length) + " is out of range (at most "
                    + max + ")");
        }
        return (int) length;
    }

    /** A string in any of its encodings: plain, an 8-, 16- or 32-bit integer, or LZF-compressed. */
    byte[] readString(String expected) throws IOException {
        long at = offset;
        int first = readByte(expected);
        if ((first >> 6) != Rdb.LEN_ENCVAL) {
            long length = lengthAfter(first, expected);
            if (length < 0 || length > Rdb.MAX_STRING) {
                throw corruptAt(at, expected + " length " + Long.toUnsignedString(length) + " is too large");
            }
            return readBytes((int) length, expected);
        }
        return switch (first & 0x3f) {
            case Rdb.ENC_INT8 -> text((byte) readLittleEndian(1, expected));
            case Rdb.ENC_INT16 -> text((short) readLittleEndian(2, expected));
            case Rdb.ENC_INT32 -> text((int) readLittleEndian(4, expected));
            case Rdb.ENC_LZF -> readCompressed(expected);
            default -> throw corruptAt(at, "expected " + expected + ", found unknown string encoding "
                    + (first & 0x3f));
        };
    }

    /** A binary double: 8 bytes, little-endian IEEE 754 (ZSET_2 scores). */
    double readBinaryDouble(String expected) throws IOException {
        return Double.longBitsToDouble(readLittleEndian(8, expected));
    }

    /** A double as old RDB versions write it: a length byte (253 NaN, 254 +inf, 255 -inf) then its text. */
    double readTextDouble(String expected) throws IOException {
        long at = offset;
        int length = readByte(expected);
        switch (length) {
            case 253:
                return Double.NaN;
            case 254:
                return Double.POSITIVE_INFINITY;
            case 255:
                return Double.NEGATIVE_INFINITY;
            default:
                String text = new String(readBytes(length, expected), StandardCharsets.US_ASCII);
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException notANumber) {
                    throw corruptAt(at, "expected " + expected + ", found \"" + text + "\"");
                }
        }
    }

    private byte[] readCompressed(String expected) throws IOException {
        long at = offset;
        long compressed = readLength(expected + " (compressed length)");
        long original = readLength(expected + " (uncompressed length)");
        // An LZF back reference of 3 bytes stands for at most 264: a longer claim cannot be true.
        if (compressed <= 0 || compressed > Rdb.MAX_STRING || original <= 0 || original > Rdb.MAX_STRING
                || original > compressed * 89 + 64) {
            throw corruptAt(at, "LZF lengths " + Long.toUnsignedString(compressed) + " and "
                    + Long.toUnsignedString(original) + " of " + expected + " are impossible");
        }
        byte[] data = readBytes((int) compressed, expected);
        byte[] plain = Lzf.decompress(data, (int) original);
        if (plain == null) {
            throw corruptAt(at, "invalid LZF-compressed data in " + expected);
        }
        return plain;
    }

    private long lengthAfter(int first, String expected) throws IOException {
        switch (first >> 6) {
            case Rdb.LEN_6BIT:
                return first & 0x3f;
            case Rdb.LEN_14BIT:
                return ((first & 0x3f) << 8) | readByte(expected);
            default:
                if (first == Rdb.LEN_32BIT) {
                    long value = 0;
                    for (int i = 0; i < 4; i++) {
                        value = (value << 8) | readByte(expected);
                    }
                    return value;
                }
                if (first == Rdb.LEN_64BIT) {
                    long value = 0;
                    for (int i = 0; i < 8; i++) {
                        value = (value << 8) | readByte(expected);
                    }
                    return value;
                }
                throw corruptAt(offset - 1, "expected " + expected + ", found unknown length encoding " + first);
        }
    }

    private static byte[] text(long value) {
        return CanonicalInteger.text(value);
    }
}
