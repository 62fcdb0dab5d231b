package io.portbind.kv.table;

import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;

/** A database number given as an argument (SELECT, MOVE, COPY ... DB, SWAPDB), checked as Redis does. */
public final class DatabaseIndex {

    private static final CommandError OUT_OF_RANGE = new CommandError("ERR DB index is out of range");
    /** Redis reads the number as a C int first ({@code getIntFromObjectOrReply}), with this error past it. */
    private static final CommandError NOT_AN_INT = new CommandError(
            "ERR value is out of range, value must between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);

    private DatabaseIndex() {
    }

    /** Argument {@code index} as a database number; not an integer or out of range is an error. */
    public static int parse(Call call, int index) {
        long number = call.longArg(index);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw NOT_AN_INT;
        }
        return inRange(number);
    }

    /** {@code number} if it names one of the databases; {@code ERR DB index is out of range} otherwise. */
    public static int inRange(long number) {
        if (number < 0 || number >= Keyspace.DATABASES) {
            throw OUT_OF_RANGE;
        }
        return (int) number;
    }
}
