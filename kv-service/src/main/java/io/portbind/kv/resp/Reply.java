package io.portbind.kv.resp;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Writes replies into an output buffer in the client's protocol version. Commands describe replies
 * by their RESP3 shape (map, set, double, boolean, null); under RESP2 each is written as Redis does
 * (maps and sets as flat arrays, doubles as bulk strings, booleans as integers, null as a null bulk or
 * null array). Frequent replies are pre-encoded once.
 */
public final class Reply {

    private static final byte[] OK = ascii("+OK\r\n");
    private static final byte[] PONG = ascii("+PONG\r\n");
    private static final byte[] QUEUED = ascii("+QUEUED\r\n");
    private static final byte[] NULL_BULK = ascii("$-1\r\n");
    private static final byte[] NULL_ARRAY = ascii("*-1\r\n");
    private static final byte[] NULL3 = ascii("_\r\n");
    private static final byte[] TRUE3 = ascii("#t\r\n");
    private static final byte[] FALSE3 = ascii("#f\r\n");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] VERBATIM_TXT = ascii("txt:");
    private static final int CACHED_NUMBERS = 1024;
    private static final byte[][] INTEGERS = numberLines(':');
    private static final byte[][] BULK_HEADERS = numberLines('$');
    private static final byte[][] ARRAY_HEADERS = numberLines('*');

    private static final MathContext SEVENTEEN_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);

    private ByteBuf out;
    private int protocol = 2;

    /** Directs the following replies to {@code buffer}. */
    public Reply target(ByteBuf buffer) {
        this.out = buffer;
        return this;
    }

    /** The buffer replies go to now: the running command's connection's, or null between commands. */
    public ByteBuf buffer() {
        return out;
    }

    /** 2 or 3: the protocol version chosen by HELLO. */
    public int protocol() {
        return protocol;
    }

    public void protocol(int version) {
        this.protocol = version;
    }

    public boolean isResp3() {
        return protocol == 3;
    }

    public void ok() {
        out.writeBytes(OK);
    }

    public void pong() {
        out.writeBytes(PONG);
    }

    public void queued() {
        out.writeBytes(QUEUED);
    }

    /** A simple string; {@code text} must not contain CR or LF. */
    public void simple(String text) {
        out.writeByte('+');
        out.writeCharSequence(text, StandardCharsets.UTF_8);
        out.writeBytes(CRLF);
    }

    /** An error reply; {@code text} starts with its code ({@code ERR}, {@code WRONGTYPE}). Newlines become spaces. */
    public void error(String text) {
        out.writeByte('-');
        out.writeCharSequence(text.replace('\r', ' ').replace('\n', ' '), StandardCharsets.ISO_8859_1);
        out.writeBytes(CRLF);
    }

    public void integer(long value) {
        if (value >= 0 && value < CACHED_NUMBERS) {
            out.writeBytes(INTEGERS[(int) value]);
        } else {
            line(':', value);
        }
    }

    public void bool(boolean value) {
        if (protocol == 3) {
            out.writeBytes(value ? TRUE3 : FALSE3);
        } else {
            integer(value ? 1 : 0);
        }
    }

    /** A bulk string, or a null bulk when {@code value} is null. */
    public void bulk(byte[] value) {
        if (value == null) {
            nullBulk();
            return;
        }
        header(BULK_HEADERS, '$', value.length);
        out.writeBytes(value).writeBytes(CRLF);
    }

    public void bulk(String value) {
        bulk(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A number as a bulk string, as Redis replies to INCRBYFLOAT or as RESP2 doubles. */
    public void bulk(long value) {
        bulk(Long.toString(value));
    }

    /** Text for humans (INFO, CLIENT LIST): a RESP3 verbatim string of format {@code txt}, a bulk string in RESP2. */
    public void verbatim(String text) {
        if (protocol != 3) {
            bulk(text);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        line('=', bytes.length + VERBATIM_TXT.length);
        out.writeBytes(VERBATIM_TXT).writeBytes(bytes).writeBytes(CRLF);
    }

    /** A verbatim string of a given three-letter format; RESP2 gets a bulk string of {@code text}. */
    public void verbatim(byte[] format, byte[] text) {
        if (protocol != 3) {
            bulk(text);
            return;
        }
        line('=', text.length + 4);
        out.writeBytes(format, 0, 3).writeByte(':').writeBytes(text).writeBytes(CRLF);
    }

    /** A big number given as its digits; RESP2 gets a bulk string. */
    public void bigNumber(byte[] digits) {
        if (protocol != 3) {
            bulk(digits);
            return;
        }
        out.writeByte('(').writeBytes(digits).writeBytes(CRLF);
    }

    /** A status reply of arbitrary bytes, CR and LF already replaced. */
    public void simple(byte[] text) {
        out.writeByte('+').writeBytes(text).writeBytes(CRLF);
    }

    /** An error reply of arbitrary bytes; CR and LF become spaces. */
    public void error(byte[] text) {
        out.writeByte('-');
        for (byte b : text) {
            out.writeByte(b == '\r' || b == '\n' ? ' ' : b);
        }
        out.writeBytes(CRLF);
    }

    /** The "no value" reply of commands that return a single string (GET of a missing key). */
    public void nullBulk() {
        out.writeBytes(protocol == 3 ? NULL3 : NULL_BULK);
    }

    /** The "no value" reply of commands that return an array (BLPOP timing out, EXEC aborted). */
    public void nullArray() {
        out.writeBytes(protocol == 3 ? NULL3 : NULL_ARRAY);
    }

    public void array(int length) {
        header(ARRAY_HEADERS, '*', length);
    }

    /** A map of {@code pairs} key/value pairs; RESP2 gets an array of twice the length. */
    public void map(int pairs) {
        if (protocol == 3) {
            line('%', pairs);
        } else {
            array(pairs * 2);
        }
    }

    /** A set; RESP2 gets an array. */
    public void set(int length) {
        if (protocol == 3) {
            line('~', length);
        } else {
            array(length);
        }
    }

    /** An out-of-band push message (pub/sub); RESP2 gets an array. */
    public void push(int length) {
        if (protocol == 3) {
            line('>', length);
        } else {
            array(length);
        }
    }

    /** A double; RESP2 gets a bulk string in Redis's shortest form. */
    public void doubleValue(double value) {
        doubleText(formatDouble(value));
    }

    /** A double already in its text (GEOPOS's seventeen decimals): RESP3's double type, RESP2's bulk string. */
    public void doubleText(String text) {
        if (protocol == 3) {
            out.writeByte(',');
            out.writeCharSequence(text, StandardCharsets.US_ASCII);
            out.writeBytes(CRLF);
        } else {
            bulk(text);
        }
    }

    /**
     * Redis 7.0's text of a double, C's {@code %.17g}: seventeen significant digits without trailing zeros,
     * exponent form ({@code 1e+20}) below 1e-4 and from 1e17 on; {@code inf}, {@code -inf}, {@code nan}.
     */
    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e17) {
            return Long.toString((long) value);
        }
        BigDecimal digits = new BigDecimal(value).round(SEVENTEEN_DIGITS).stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        if (exponent >= -4 && exponent < SEVENTEEN_DIGITS.getPrecision()) {
            return digits.toPlainString();
        }
        String mantissa = digits.movePointLeft(exponent).toPlainString();
        String sign = exponent < 0 ? "-" : "+";
        int magnitude = Math.abs(exponent);
        return mantissa + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
    }

    private void header(byte[][] cache, char type, long length) {
        if (length >= 0 && length < CACHED_NUMBERS) {
            out.writeBytes(cache[(int) length]);
        } else {
            line(type, length);
        }
    }

    private void line(char type, long value) {
        out.writeByte(type);
        out.writeBytes(Numbers.toBytes(value));
        out.writeBytes(CRLF);
    }

    private static byte[][] numberLines(char type) {
        byte[][] lines = new byte[CACHED_NUMBERS][];
        for (int i = 0; i < CACHED_NUMBERS; i++) {
            lines[i] = ascii(type + Integer.toString(i) + "\r\n");
        }
        return lines;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
