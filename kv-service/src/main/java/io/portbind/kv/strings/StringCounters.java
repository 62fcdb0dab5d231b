package io.portbind.kv.strings;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT: numbers kept as their decimal text, TTL kept. */
public final class StringCounters {

    /** Redis computes in long double: about nineteen significant digits, printed with seventeen decimals. */
    private static final MathContext LONG_DOUBLE = new MathContext(19, RoundingMode.HALF_EVEN);
    private static final int PRINTED_DECIMALS = 17;
    private static final double LARGEST = Double.MAX_VALUE;

    private StringCounters() {
    }

    static void incrBy(Call call) {
        incrementBy(call, call.longArg(2));
    }

    static void decrBy(Call call) {
        long decrement = call.longArg(2);
        if (decrement == Long.MIN_VALUE) {
            throw new CommandError("ERR decrement would overflow");
        }
        incrementBy(call, -decrement);
    }

    /** Adds {@code increment} to the integer at argument 1 (0 when missing) and replies with the result. */
    static void incrementBy(Call call, long increment) {
        Database db = call.db();
        byte[] key = call.arg(1);
        byte[] current = db.getString(key);
        long value = current == null ? 0 : Numbers.parseLong(current);
        long result = add(value, increment);
        db.putKeepTtl(key, Numbers.toBytes(result));
        call.db().notifyEvent(EventClass.STRING, "incrby", key);
        call.reply().integer(result);
    }

    /** INCRBYFLOAT key increment: decimal arithmetic rounded as Redis's long double, replied as a bulk string. */
    static void incrByFloat(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        BigDecimal increment = finite(call.arg(2));
        byte[] current = db.getString(key);
        BigDecimal value = current == null ? BigDecimal.ZERO : finite(current);
        byte[] bytes = addFloat(value, increment);
        db.putKeepTtl(key, bytes);
        call.db().notifyEvent(EventClass.STRING, "incrbyfloat", key);
        call.reply().bulk(bytes);
        if (call.propagating()) {
            // The result, not the increment: float arithmetic need not round the same way where it is replayed.
            call.propagateAs(Effects.SET, key, bytes, Effects.KEEPTTL);
        }
    }

    /** {@code value + increment}, or {@link CommandError#OVERFLOW} when it does not fit a long (INCRBY, HINCRBY). */
    public static long add(long value, long increment) {
        if (increment < 0 && value < 0 && increment < Long.MIN_VALUE - value
                || increment > 0 && value > 0 && increment > Long.MAX_VALUE - value) {
            throw CommandError.OVERFLOW;
        }
        return value + increment;
    }

    /** The text of {@code value + increment} in Redis's long double arithmetic (INCRBYFLOAT, HINCRBYFLOAT). */
    public static byte[] addFloat(BigDecimal value, BigDecimal increment) {
        BigDecimal result = value.add(increment).round(LONG_DOUBLE);
        if (result.abs().compareTo(BigDecimal.valueOf(LARGEST)) > 0) {
            throw nanOrInfinity();
        }
        String text = result.setScale(PRINTED_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A finite number; NOT_FLOAT when it is not a number, "increment would produce NaN or Infinity" for inf. */
    public static BigDecimal finite(byte[] text) {
        if (Double.isInfinite(Numbers.parseDouble(text))) {
            throw nanOrInfinity();
        }
        return Numbers.parseDecimal(text);
    }

    private static CommandError nanOrInfinity() {
        return new CommandError("ERR increment would produce NaN or Infinity");
    }
}
