package io.portbind.kv.admin;

import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.DatabaseIndex;
import java.time.Instant;

/**
 * DBSIZE, FLUSHDB, FLUSHALL, SWAPDB, INFO (sections in {@link InfoSections}), TIME and SHUTDOWN. SAVE, BGSAVE
 * and LASTSAVE are the snapshot feature's ({@code io.portbind.kv.snapshot.SnapshotCommands}).
 */
public final class ServerCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("dbsize", call -> call.reply().integer(call.db().size()))
                .bind("flushdb", ServerCommands::flushDb)
                .bind("flushall", ServerCommands::flushAll)
                .bind("swapdb", ServerCommands::swapDb)
                .bind("info", call -> call.reply().verbatim(InfoSections.render(call)))
                .bind("time", ServerCommands::time)
                .bind("shutdown", Shutdown::shutdown);
    }

    private static void flushDb(Call call) {
        checkFlushMode(call);
        call.db().clear();
        call.forcePropagation();
        call.reply().ok();
    }

    private static void flushAll(Call call) {
        checkFlushMode(call);
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            call.keyspace().database(db).clear();
        }
        call.server().persistence().allFlushed();
        call.forcePropagation();
        call.reply().ok();
    }

    /** The optional SYNC or ASYNC argument; both free memory at once here, as clearing is cheap. */
    private static void checkFlushMode(Call call) {
        if (call.argCount() > 2 || call.argCount() == 2 && !call.is(1, "sync") && !call.is(1, "async")) {
            throw CommandError.SYNTAX;
        }
    }

    /** SWAPDB index1 index2: both indexes are parsed before either is range-checked, as in Redis. */
    private static void swapDb(Call call) {
        long first = databaseNumber(call, 1, "ERR invalid first DB index");
        long second = databaseNumber(call, 2, "ERR invalid second DB index");
        call.keyspace().swap(DatabaseIndex.inRange(first), DatabaseIndex.inRange(second));
        call.reply().ok();
    }

    /** Argument {@code index} as a C int, as Redis's {@code getIntFromObject}: anything else is {@code notInteger}. */
    private static long databaseNumber(Call call, int index, String notInteger) {
        long number;
        try {
            number = call.longArg(index);
        } catch (CommandError error) {
            throw new CommandError(notInteger);
        }
        if (number != (int) number) {
            throw new CommandError(notInteger);
        }
        return number;
    }

    /** The wall clock as two bulk strings: Unix seconds and the microseconds within that second. */
    private static void time(Call call) {
        Instant now = Instant.now();
        call.reply().array(2);
        call.reply().bulk(now.getEpochSecond());
        call.reply().bulk(now.getNano() / 1000);
    }
}
