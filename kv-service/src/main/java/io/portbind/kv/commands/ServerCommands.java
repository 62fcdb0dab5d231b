package io.portbind.kv.commands;

import static io.portbind.kv.command.CommandFlag.FAST;
import static io.portbind.kv.command.CommandFlag.READONLY;
import static io.portbind.kv.command.CommandFlag.WRITE;
import static io.portbind.kv.command.CommandGroup.SERVER;
import static io.portbind.kv.command.CommandSpec.command;

import io.portbind.kv.CommandError;
import io.portbind.kv.command.Call;
import io.portbind.kv.command.CommandFamily;
import io.portbind.kv.command.CommandRegistry;
import io.portbind.kv.store.Keyspace;

/** DBSIZE, FLUSHDB and FLUSHALL. */
public final class ServerCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(command("dbsize", call -> call.reply().integer(call.db().size())).arity(1)
                        .flags(READONLY, FAST).group(SERVER).since("1.0.0")
                        .summary("Returns the number of keys in the database."))
                .add(command("flushdb", ServerCommands::flushDb).arity(-1).flags(WRITE).group(SERVER)
                        .since("1.0.0").summary("Removes all keys from the current database."))
                .add(command("flushall", ServerCommands::flushAll).arity(-1).flags(WRITE).group(SERVER)
                        .since("1.0.0").summary("Removes all keys from all databases."));
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
}
