package io.portbind.kv.keys;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/** The expire-time arguments of SET, SETEX, PSETEX and GETEX (EX, PX, EXAT, PXAT), validated as Redis does. */
public final class ExpireTimes {

    /** EX and EXAT count seconds. */
    public static final long SECONDS = 1000;
    /** PX and PXAT count milliseconds. */
    public static final long MILLISECONDS = 1;

    private ExpireTimes() {
    }

    /**
     * The absolute expiry in Unix milliseconds given by argument {@code index}, a positive count of
     * {@code unitMillis}, {@code relative} to now or absolute; {@code invalid expire time} otherwise.
     */
    public static long absolute(Call call, int index, long unitMillis, boolean relative) {
        long time = call.longArg(index);
        if (time <= 0 || time > Long.MAX_VALUE / unitMillis) {
            throw invalid(call);
        }
        time *= unitMillis;
        if (relative) {
            if (time > Long.MAX_VALUE - call.keyspace().now()) {
                throw invalid(call);
            }
            time += call.keyspace().now();
        }
        return time;
    }

    /** The option word at {@code index} if it is EX, PX, EXAT or PXAT: its unit and whether it is relative. */
    public static Option option(Call call, int index) {
        if (call.is(index, "ex")) {
            return new Option(SECONDS, true);
        }
        if (call.is(index, "px")) {
            return new Option(MILLISECONDS, true);
        }
        if (call.is(index, "exat")) {
            return new Option(SECONDS, false);
        }
        if (call.is(index, "pxat")) {
            return new Option(MILLISECONDS, false);
        }
        return null;
    }

    static CommandError invalid(Call call) {
        return new CommandError("ERR invalid expire time in '" + call.spec().fullName() + "' command");
    }

    /** An EX/PX/EXAT/PXAT option: the unit of its time and whether the time is relative to now. */
    public record Option(long unitMillis, boolean relative) {

        public long absolute(Call call, int index) {
            return ExpireTimes.absolute(call, index, unitMillis, relative);
        }
    }
}
