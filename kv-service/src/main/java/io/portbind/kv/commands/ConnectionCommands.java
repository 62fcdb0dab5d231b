package io.portbind.kv.commands;

import static io.portbind.kv.command.CommandFlag.FAST;
import static io.portbind.kv.command.CommandFlag.LOADING;
import static io.portbind.kv.command.CommandFlag.NOSCRIPT;
import static io.portbind.kv.command.CommandFlag.NO_AUTH;
import static io.portbind.kv.command.CommandFlag.STALE;
import static io.portbind.kv.command.CommandGroup.CONNECTION;
import static io.portbind.kv.command.CommandSpec.command;

import io.portbind.kv.CommandError;
import io.portbind.kv.command.Call;
import io.portbind.kv.command.CommandFamily;
import io.portbind.kv.command.CommandRegistry;
import io.portbind.kv.store.Keyspace;

/** PING, ECHO, QUIT, AUTH, HELLO and SELECT; CLIENT lives in {@link ClientCommands}. */
public final class ConnectionCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(command("ping", ConnectionCommands::ping).arity(-1).flags(FAST).group(CONNECTION)
                        .since("1.0.0").summary("Returns the server's liveliness response."))
                .add(command("echo", call -> call.reply().bulk(call.arg(1))).arity(2).flags(FAST).group(CONNECTION)
                        .since("1.0.0").summary("Returns the given string."))
                .add(command("quit", ConnectionCommands::quit).arity(-1)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH).group(CONNECTION)
                        .since("1.0.0").summary("Closes the connection."))
                .add(command("auth", Authentication::auth).arity(-2)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH).group(CONNECTION)
                        .since("1.0.0").summary("Authenticates the connection."))
                .add(command("hello", Authentication::hello).arity(-1)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH).group(CONNECTION)
                        .since("6.0.0").summary("Handshakes with the Redis server."))
                .add(command("select", ConnectionCommands::select).arity(2).flags(LOADING, STALE, FAST)
                        .group(CONNECTION).since("1.0.0").summary("Changes the selected database."));
    }

    private static void ping(Call call) {
        if (call.argCount() > 2) {
            throw call.arityError();
        }
        if (call.argCount() == 1) {
            call.reply().pong();
        } else {
            call.reply().bulk(call.arg(1));
        }
    }

    private static void quit(Call call) {
        call.reply().ok();
        call.session().closeAfterReply();
    }

    private static void select(Call call) {
        long index = call.longArg(1);
        if (index < 0 || index >= Keyspace.DATABASES) {
            throw new CommandError("ERR DB index is out of range");
        }
        call.session().db((int) index);
        call.reply().ok();
    }
}
