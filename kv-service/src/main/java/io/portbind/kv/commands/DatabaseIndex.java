package io.portbind.kv.commands;

import io.portbind.kv.CommandError;
import io.portbind.kv.command.Call;
import io.portbind.kv.store.Keyspace;

/** A database number given as an argument (SELECT, MOVE, COPY ... DB, SWAPDB), checked as Redis does. */
final class DatabaseIndex {

    private static final CommandError OUT_OF_RANGE = new CommandError("ERR DB index is out of range");

    private DatabaseIndex() {
    }

    /** Argument {@code index} as a database number; not an integer or out of range is an error. */
    static int parse(Call call, int index) {
        return inRange(call.longArg(index));
    }

    /** {@code number} if it names one of the databases; {@code ERR DB index is out of range} otherwise. */
    static int inRange(long number) {
        if (number < 0 || number >= Keyspace.DATABASES) {
            throw OUT_OF_RANGE;
        }
        return (int) number;
    }
}
