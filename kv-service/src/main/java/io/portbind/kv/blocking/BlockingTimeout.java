package io.portbind.kv.blocking;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;

/** The timeout argument of blocking commands: seconds as a float, 0 meaning forever, parsed as Redis 7.0 does. */
public final class BlockingTimeout {

    /** Milliseconds at or beyond which Redis's conversion to a long overflows (it then reports "negative"). */
    private static final double LONG_LIMIT = 0x1p63;
    private static final CommandError NOT_FLOAT = new CommandError("ERR timeout is not a float or out of range");
    private static final CommandError NEGATIVE = new CommandError("ERR timeout is negative");

    private BlockingTimeout() {
    }

    /**
     * The timeout in {@code seconds} as whole milliseconds, rounded up; 0 means wait forever. A value
     * too large for Redis's millisecond counter is refused as negative, exactly as Redis 7.0 replies.
     */
    public static long parseSeconds(byte[] seconds) {
        double value;
        try {
            value = Numbers.parseDouble(seconds);
        } catch (CommandError notANumber) {
            throw NOT_FLOAT;
        }
        double millis = Math.ceil(value * 1000);
        if (millis < 0 || millis >= LONG_LIMIT) {
            throw NEGATIVE;
        }
        return (long) millis;
    }
}
