package io.portbind.kv.table;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code numkeys key [key ...] <end> [COUNT count]}, as LMPOP, BLMPOP, ZMPOP and BZMPOP take it, checked in Redis's
 * order: numkeys, that the end word is there, the end word (read by the family: LEFT|RIGHT, MIN|MAX), COUNT.
 *
 * @param <E> the family's end type
 */
public record MultiPopArguments<E>(List<byte[]> keys, E end, long count) {

    private static final CommandError NUMKEYS = new CommandError("ERR numkeys should be greater than 0");
    private static final CommandError COUNT = new CommandError("ERR count should be greater than 0");

    /** Parses from argument {@code numkeysIndex}; {@code end} reads the end word at the index it is given. */
    public static <E> MultiPopArguments<E> parse(Call call, int numkeysIndex, IntFunction<E> end) {
        long numkeys = positive(call.arg(numkeysIndex), NUMKEYS);
        if (numkeys > call.argCount() - numkeysIndex - 2) {
            throw CommandError.SYNTAX;
        }
        int whereIndex = numkeysIndex + 1 + (int) numkeys;
        List<byte[]> keys = new ArrayList<>((int) numkeys);
        for (int i = numkeysIndex + 1; i < whereIndex; i++) {
            keys.add(call.arg(i));
        }
        E where = end.apply(whereIndex);
        long count = 1;
        boolean counted = false;
        for (int i = whereIndex + 1; i < call.argCount(); i += 2) {
            if (counted || !call.is(i, "count") || i + 1 >= call.argCount()) {
                throw CommandError.SYNTAX;
            }
            count = positive(call.arg(i + 1), COUNT);
            counted = true;
        }
        return new MultiPopArguments<>(keys, where, count);
    }

    private static long positive(byte[] text, CommandError error) {
        try {
            long value = Numbers.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (CommandError notAnInteger) {
            // reported below with the option's own message, as Redis does
        }
        throw error;
    }
}
