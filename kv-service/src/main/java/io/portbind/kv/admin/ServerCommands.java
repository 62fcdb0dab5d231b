package io.portbind.kv.admin;

import static io.portbind.kv.table.Arg.integer;
import static io.portbind.kv.table.Arg.keyword;
import static io.portbind.kv.table.Arg.oneOf;
import static io.portbind.kv.table.Arg.string;
import static io.portbind.kv.table.CommandFlag.ADMIN;
import static io.portbind.kv.table.CommandFlag.ALLOW_BUSY;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.LOADING;
import static io.portbind.kv.table.CommandFlag.NOSCRIPT;
import static io.portbind.kv.table.CommandFlag.NO_MULTI;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.STALE;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.SERVER;
import static io.portbind.kv.table.CommandSpec.CONSTANT_TIME;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Arg;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.DatabaseIndex;
import java.time.Instant;

/**
 * DBSIZE, FLUSHDB, FLUSHALL, SWAPDB, INFO (sections in {@link InfoSections}), TIME, LASTSAVE and SHUTDOWN.
 * There is no persistence: SAVE and BGSAVE are not offered (an unknown command says so more honestly
 * than a fake success), and LASTSAVE reports the start time, which is what Redis reports before its
 * first save.
 */
public final class ServerCommands implements CommandFamily {

    private static final Arg FLUSH_MODE =
            oneOf("flush-type", keyword("ASYNC").since("4.0.0"), keyword("SYNC").since("6.2.0")).optional();

    @Override
    public void register(CommandRegistry registry) {
        registry.add(command("dbsize", call -> call.reply().integer(call.db().size())).arity(1)
                        .flags(READONLY, FAST).group(SERVER).since("1.0.0")
                        .summary("Returns the number of keys in the database.")
                        .complexity(CONSTANT_TIME)
                        .categories("@keyspace"))
                .add(command("flushdb", ServerCommands::flushDb).arity(-1).flags(WRITE).group(SERVER)
                        .since("1.0.0").summary("Removes all keys from the current database.")
                        .complexity("O(N) where N is the number of keys in the database.")
                        .args(FLUSH_MODE)
                        .categories("@keyspace", "@dangerous"))
                .add(command("flushall", ServerCommands::flushAll).arity(-1).flags(WRITE).group(SERVER)
                        .since("1.0.0").summary("Removes all keys from all databases.")
                        .complexity("O(N) where N is the number of keys in all databases.")
                        .args(FLUSH_MODE)
                        .categories("@keyspace", "@dangerous"))
                .add(command("swapdb", ServerCommands::swapDb).arity(3).flags(WRITE, FAST).group(SERVER)
                        .since("4.0.0").summary("Swaps two Redis databases.")
                        .complexity(CONSTANT_TIME).args(integer("index1"), integer("index2"))
                        .categories("@keyspace", "@dangerous"))
                .add(command("info", call -> call.reply().verbatim(InfoSections.render(call))).arity(-1)
                        .flags(LOADING, STALE).group(SERVER).since("1.0.0")
                        .summary("Returns information and statistics about the server.")
                        .complexity(CONSTANT_TIME).args(string("section").optional().multiple())
                        .categories("@dangerous"))
                .add(command("time", ServerCommands::time).arity(1).flags(LOADING, STALE, FAST).group(SERVER)
                        .since("2.6.0").summary("Returns the server time.")
                        .complexity(CONSTANT_TIME))
                .add(command("lastsave", call -> call.reply().integer(call.server().startMillis() / 1000))
                        .arity(1).flags(LOADING, STALE, FAST).group(SERVER).since("1.0.0")
                        .summary("Returns the Unix timestamp of the last successful save to disk.")
                        .complexity(CONSTANT_TIME)
                        .categories("@admin", "@dangerous"))
                .add(command("shutdown", Shutdown::shutdown).arity(-1)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE, NO_MULTI, ALLOW_BUSY).group(SERVER).since("1.0.0")
                        .summary("Synchronously saves the database(s) to disk and shuts down the Redis server.")
                        .complexity(CONSTANT_TIME)
                        .args(oneOf("save-selector", keyword("NOSAVE"), keyword("SAVE")).optional(),
                                keyword("NOW").since("7.0.0").optional(), keyword("FORCE").since("7.0.0").optional(),
                                keyword("ABORT").since("7.0.0").optional()));
    }

    private static void flushDb(Call call) {
        checkFlushMode(call);
        call.db().clear();
        call.reply().ok();
    }

    private static void flushAll(Call call) {
        checkFlushMode(call);
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            call.keyspace().database(db).clear();
        }
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

    private static long databaseNumber(Call call, int index, String notInteger) {
        try {
            return call.longArg(index);
        } catch (CommandError error) {
            throw new CommandError(notInteger);
        }
    }

    /** The wall clock as two bulk strings: Unix seconds and the microseconds within that second. */
    private static void time(Call call) {
        Instant now = Instant.now();
        call.reply().array(2);
        call.reply().bulk(now.getEpochSecond());
        call.reply().bulk(now.getNano() / 1000);
    }
}
