package io.portbind.kv.hyperloglog;

/**
 * Austin Appleby's 64-bit MurmurHash2 (MurmurHash64A), reading 8-byte blocks little-endian as Redis's copy does on
 * every platform, so that an element lands in the same register with the same run of zeros as in Redis.
 */
final class MurmurHash64A {

    private static final long M = 0xc6a4a7935bd1e995L;
    private static final int R = 47;

    private MurmurHash64A() {
    }

    static long hash(byte[] data, long seed) {
        int length = data.length;
        long h = seed ^ (length * M);
        int blocks = length - (length & 7);
        for (int i = 0; i < blocks; i += 8) {
            long k = littleEndian(data, i, 8);
            k *= M;
            k ^= k >>> R;
            k *= M;
            h ^= k;
            h *= M;
        }
        if ((length & 7) != 0) {
            h ^= littleEndian(data, blocks, length & 7);
            h *= M;
        }
        h ^= h >>> R;
        h *= M;
        h ^= h >>> R;
        return h;
    }

    private static long littleEndian(byte[] data, int from, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = value << 8 | (data[from + i] & 0xffL);
        }
        return value;
    }
}
