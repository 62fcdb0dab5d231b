package io.portbind.kv.hyperloglog;

import java.nio.charset.StandardCharsets;

/** PFDEBUG DECODE's text of sparse registers: {@code z:len} (ZERO), {@code Z:len} (XZERO), {@code v:value,len}. */
final class SparseText {

    private SparseText() {
    }

    static byte[] decode(byte[] data, int length) {
        StringBuilder text = new StringBuilder();
        int p = HyperLogLog.HEADER;
        while (p < length) {
            int op = data[p] & 0xff;
            if (text.length() > 0) {
                text.append(' ');
            }
            if (Sparse.isZero(op)) {
                text.append("z:").append(Sparse.zeroLength(op));
                p++;
            } else if (Sparse.isXZero(op)) {
                text.append("Z:").append(Sparse.xzeroLength(data, p, length));
                p += 2;
            } else {
                text.append("v:").append(Sparse.valValue(op)).append(',').append(Sparse.valLength(op));
                p++;
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
