package io.portbind.kv.commands;

import io.portbind.kv.CommandError;
import io.portbind.kv.command.Call;

/**
 * Integer arguments Redis reads with one error for every bad value (getRangeLongFromObjectOrReply with a
 * message): a non-integer and an integer below the minimum both get {@code error}.
 */
final class BoundedArguments {

    private BoundedArguments() {
    }

    static long atLeast(Call call, int index, long min, CommandError error) {
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
