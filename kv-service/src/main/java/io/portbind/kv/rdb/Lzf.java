package io.portbind.kv.rdb;

import java.util.Arrays;

/**
 * LZF, the compression of RDB strings ({@code RDB_ENC_LZF}). The compressor follows liblzf 3.6 as Redis
 * builds it (a 2^16-slot hash table, {@code VERY_FAST}), so that our output is the bytes redis-server writes
 * for the same input; Redis leaves its table uninitialised, which can only add matches, so it may very rarely
 * find a longer match than we do. Either output decompresses to the same bytes.
 *
 * <p>Format: {@code 000LLLLL} then L+1 literal bytes; {@code LLLooooo oooooooo} a back reference of L+2 bytes
 * at distance o+1; {@code 111ooooo LLLLLLLL oooooooo} a back reference of L+9 bytes.
 */
final class Lzf {

    private static final int HLOG = 16;
    private static final int HSIZE = 1 << HLOG;
    private static final int MAX_LIT = 1 << 5;
    private static final int MAX_OFF = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    private Lzf() {
    }

    /**
     * Compresses {@code input} into at most {@code outLimit} bytes; null when it does not fit, as liblzf's
     * {@code lzf_compress} returns 0.
     */
    static byte[] compress(byte[] input, int outLimit) {
        int inLen = input.length;
        if (inLen == 0 || outLimit <= 0) {
            return null;
        }
        byte[] out = new byte[outLimit];
        int[] table = new int[HSIZE]; // positions + 1; 0 is "never seen", like liblzf's "ref > in_data"
        int ip = 0;
        int op = 1; // the first literal run's length byte
        int lit = 0;
        int hval = first(input, ip);
        while (ip < inLen - 2) {
            hval = next(hval, input, ip);
            int slot = index(hval);
            int ref = table[slot] - 1;
            table[slot] = ip + 1;
            int off = ip - ref - 1;
            if (ref > 0 && ref < ip && off < MAX_OFF
                    && input[ref] == input[ip] && input[ref + 1] == input[ip + 1] && input[ref + 2] == input[ip + 2]) {
                int len = 2;
                int maxLen = Math.min(inLen - ip - len, MAX_REF);
                out[op - lit - 1] = (byte) (lit - 1); // stop the literal run
                op -= lit == 0 ? 1 : 0; // undo it when empty
                if (op + 3 + 1 >= outLimit) {
                    return null;
                }
                len = matchLength(input, ref, ip, len, maxLen);
                len -= 2; // now the number of bytes minus one
                ip++;
                if (len < 7) {
                    out[op++] = (byte) ((off >> 8) + (len << 5));
                } else {
                    out[op++] = (byte) ((off >> 8) + (7 << 5));
                    out[op++] = (byte) (len - 7);
                }
                out[op++] = (byte) off;
                lit = 0;
                op++; // start a run
                ip += len + 1;
                if (ip >= inLen - 2) {
                    break;
                }
                ip -= 2; // VERY_FAST: hash the two positions before the new one
                hval = first(input, ip);
                hval = next(hval, input, ip);
                table[index(hval)] = ip + 1;
                ip++;
                hval = next(hval, input, ip);
                table[index(hval)] = ip + 1;
                ip++;
            } else {
                if (op >= outLimit) {
                    return null;
                }
                lit++;
                out[op++] = input[ip++];
                if (lit == MAX_LIT) {
                    out[op - lit - 1] = (byte) (lit - 1);
                    lit = 0;
                    op++;
                }
            }
        }
        if (op + 3 > outLimit) {
            return null;
        }
        while (ip < inLen) {
            lit++;
            out[op++] = input[ip++];
            if (lit == MAX_LIT) {
                out[op - lit - 1] = (byte) (lit - 1);
                lit = 0;
                op++;
            }
        }
        out[op - lit - 1] = (byte) (lit - 1);
        op -= lit == 0 ? 1 : 0;
        return Arrays.copyOf(out, op);
    }

    /**
     * Decompresses {@code input} into exactly {@code outLength} bytes; null when the data is not LZF or does
     * not come to that length (a corrupt file).
     */
    static byte[] decompress(byte[] input, int outLength) {
        byte[] out = new byte[outLength];
        int ip = 0;
        int op = 0;
        while (ip < input.length) {
            int ctrl = input[ip++] & 0xff;
            if (ctrl < 32) {
                int run = ctrl + 1;
                if (op + run > outLength || ip + run > input.length) {
                    return null;
                }
                System.arraycopy(input, ip, out, op, run);
                ip += run;
                op += run;
            } else {
                int len = ctrl >> 5;
                if (len == 7) {
                    if (ip >= input.length) {
                        return null;
                    }
                    len += input[ip++] & 0xff;
                }
                if (ip >= input.length) {
                    return null;
                }
                int ref = op - ((ctrl & 0x1f) << 8) - 1 - (input[ip++] & 0xff);
                len += 2;
                if (op + len > outLength || ref < 0) {
                    return null;
                }
                for (int i = 0; i < len; i++) {
                    out[op++] = out[ref++]; // byte by byte: the reference may overlap what it writes
                }
            }
        }
        return op == outLength ? out : null;
    }

    /**
     * How far the match at {@code ref} goes, as liblzf's loop counts it: sixteen unrolled steps first when
     * more than sixteen bytes may match, which near the end of the input can count two bytes past
     * {@code maxLen}; kept so that our output stays liblzf's.
     */
    private static int matchLength(byte[] input, int ref, int ip, int known, int maxLen) {
        int len = known;
        if (maxLen > 16) {
            for (int step = 0; step < 16; step++) {
                len++;
                if (input[ref + len] != input[ip + len]) {
                    return len;
                }
            }
        }
        do {
            len++;
        } while (len < maxLen && input[ref + len] == input[ip + len]);
        return len;
    }

    private static int first(byte[] input, int p) {
        return ((input[p] & 0xff) << 8) | (p + 1 < input.length ? input[p + 1] & 0xff : 0);
    }

    private static int next(int hval, byte[] input, int p) {
        return (hval << 8) | (input[p + 2] & 0xff);
    }

    private static int index(int h) {
        return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1);
    }
}
