package io.portbind.kv.keys;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/** The expire-time arguments of SET, SETEX, PSETEX and GETEX (EX, PX, EXAT, PXAT), validated as Redis does. */
public final class ExpireTimes {

    /** EX and EXAT count seconds. */
    public static final long SECONDS = 1000;
    /** PX and PXAT count milliseconds. */
    public static final long MILLISECONDS = 1;

    private static final Option EX = new Option(SECONDS, TimeBase.NOW);
    private static final Option PX = new Option(MILLISECONDS, TimeBase.NOW);
    private static final Option EXAT = new Option(SECONDS, TimeBase.UNIX_EPOCH);
    private static final Option PXAT = new Option(MILLISECONDS, TimeBase.UNIX_EPOCH);

    private ExpireTimes() {
    }

    /**
     * The absolute expiry in Unix milliseconds given by argument {@code index}, a positive count of
     * {@code unitMillis} from {@code base}; {@code invalid expire time} otherwise.
     */
    public static long absolute(Call call, int index, long unitMillis, TimeBase base) {
        long time = call.longArg(index);
        if (time <= 0 || time > Long.MAX_VALUE / unitMillis) {
            throw invalid(call);
        }
        time *= unitMillis;
        if (base == TimeBase.NOW) {
            if (time > Long.MAX_VALUE - call.keyspace().now()) {
                throw invalid(call);
            }
            time += call.keyspace().now();
        }
        return time;
    }

    /** The option word at {@code index} if it is EX, PX, EXAT or PXAT: its unit and what it counts from. */
    public static Option option(Call call, int index) {
        if (call.is(index, "ex")) {
            return EX;
        }
        if (call.is(index, "px")) {
            return PX;
        }
        if (call.is(index, "exat")) {
            return EXAT;
        }
        if (call.is(index, "pxat")) {
            return PXAT;
        }
        return null;
    }

    static CommandError invalid(Call call) {
        return new CommandError("ERR invalid expire time in '" + call.spec().fullName() + "' command");
    }

    /** An EX/PX/EXAT/PXAT option: the unit of its time and what the time counts from. */
    public record Option(long unitMillis, TimeBase base) {

        public long absolute(Call call, int index) {
            return ExpireTimes.absolute(call, index, unitMillis, base);
        }
    }
}
