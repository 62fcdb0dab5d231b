package io.portbind.kv.scripting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code %.14g}, the way Lua 5.1 and lua-cjson write numbers. */
final class LuaNumbers {

    private static final int DIGITS = 14;
    private static final MathContext FOURTEEN = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private LuaNumbers() {
    }

    static String format14g(double value) {
        if (Double.isNaN(value)) {
            return value != value && Double.doubleToRawLongBits(value) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(FOURTEEN);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= DIGITS) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return mantissa.toPlainString() + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
