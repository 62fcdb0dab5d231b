package io.portbind.kv.geo;

import io.portbind.kv.resp.Reply;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How Redis writes geo numbers: C's {@code %.Nf} on the exact binary value, and its "human" long doubles. */
final class GeoText {

    private GeoText() {
    }

    /** C's {@code printf("%.<decimals>f", value)}: the exact value rounded half-even, sign kept for -0. */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }

    /** A distance as GEODIST and WITHDIST give it: a bulk string with four decimals, in RESP2 and RESP3. */
    static void distance(Reply reply, double value) {
        reply.bulk(fixed(value, 4));
    }

    /**
     * A coordinate as GEOPOS and WITHCOORD give it (Redis's addReplyHumanLongDouble): seventeen decimals
     * without trailing zeros; a bulk string in RESP2, a double in RESP3.
     */
    static void coordinate(Reply reply, double value) {
        String text = fixed(value, 17);
        if (text.indexOf('.') >= 0) {
            text = text.replaceFirst("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        reply.doubleText(text);
    }
}
