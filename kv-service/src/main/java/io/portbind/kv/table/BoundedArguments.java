package io.portbind.kv.table;

import io.portbind.kv.resp.CommandError;

/**
 * Integer arguments Redis reads with one error for every bad value (getRangeLongFromObjectOrReply with a
 * message): a non-integer and an integer below the minimum both get {@code error}.
 */
public final class BoundedArguments {

    /** The error of counts that must be zero or more (SPOP, ZPOPMIN, ZPOPMAX). */
    public static final CommandError NOT_POSITIVE = new CommandError("ERR value is out of range, must be positive");

    private BoundedArguments() {
    }

    public static long atLeast(Call call, int index, long min, CommandError error) {
        long value;
        try {
            value = call.longArg(index);
        } catch (CommandError notInteger) {
            throw error;
        }
        if (value < min) {
            throw error;
        }
        return value;
    }
}
