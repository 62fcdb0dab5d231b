package io.portbind.kv.rdb;

/**
 * Redis's CRC-64 (the Jones polynomial, reflected input and output, initial value 0, no final xor), which
 * closes every RDB file and every DUMP payload. {@code update(0, "123456789")} is {@code 0xe9c6d914c4b8d9ca}.
 */
final class Crc64 {

    /** 0xad93d23594c935a9 with its bits reversed, for the right-shifting table form. */
    private static final long REFLECTED_POLYNOMIAL = 0x95ac9329ac4bc9b5L;
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLYNOMIAL : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc64() {
    }

    /** The checksum {@code crc} continued over {@code length} bytes of {@code data} from {@code offset}. */
    static long update(long crc, byte[] data, int offset, int length) {
        long value = crc;
        for (int i = offset; i < offset + length; i++) {
            value = TABLE[(int) ((value ^ data[i]) & 0xff)] ^ (value >>> 8);
        }
        return value;
    }

    /** The checksum {@code crc} continued over one byte. */
    static long update(long crc, int oneByte) {
        return TABLE[(int) ((crc ^ oneByte) & 0xff)] ^ (crc >>> 8);
    }
}
