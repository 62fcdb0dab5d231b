package io.portbind.kv.commands;

import static io.portbind.kv.command.CommandFlag.LOADING;
import static io.portbind.kv.command.CommandFlag.NOSCRIPT;
import static io.portbind.kv.command.CommandFlag.STALE;
import static io.portbind.kv.command.CommandGroup.CONNECTION;
import static io.portbind.kv.command.CommandSpec.command;
import static io.portbind.kv.command.CommandSpec.container;

import io.portbind.kv.CommandError;
import io.portbind.kv.command.Call;
import io.portbind.kv.command.CommandFamily;
import io.portbind.kv.command.CommandRegistry;

/** CLIENT ID, SETNAME, GETNAME and SETINFO. */
public final class ClientCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(container("client").flags(NOSCRIPT, LOADING, STALE).group(CONNECTION).since("2.4.0")
                .summary("A container for client connection commands.")
                .subcommand(command("id", call -> call.reply().integer(call.session().id())).arity(2)
                        .flags(NOSCRIPT, LOADING, STALE).since("5.0.0")
                        .summary("Returns the unique client ID of the connection."))
                .subcommand(command("setname", ClientCommands::setName).arity(3)
                        .flags(NOSCRIPT, LOADING, STALE).since("2.6.9").summary("Sets the connection name."))
                .subcommand(command("getname", ClientCommands::getName).arity(2)
                        .flags(NOSCRIPT, LOADING, STALE).since("2.6.9").summary("Returns the name of the connection."))
                .subcommand(command("setinfo", ClientCommands::setInfo).arity(4)
                        .flags(NOSCRIPT, LOADING, STALE).since("7.2.0")
                        .summary("Sets information specific to the client or connection.")));
    }

    private static void setName(Call call) {
        call.session().name(validName(call, 2, "Client names"));
        call.reply().ok();
    }

    private static void getName(Call call) {
        String name = call.session().name();
        if (name.isEmpty()) {
            call.reply().nullBulk();
        } else {
            call.reply().bulk(name);
        }
    }

    private static void setInfo(Call call) {
        if (call.is(2, "lib-name")) {
            call.session().libraryName(validName(call, 3, "lib-name"));
        } else if (call.is(2, "lib-ver")) {
            call.session().libraryVersion(validName(call, 3, "lib-ver"));
        } else {
            throw new CommandError("ERR Unrecognized option '" + call.text(2) + "'");
        }
        call.reply().ok();
    }

    /** Argument {@code index} if it has no spaces, newlines or other special characters, as Redis requires. */
    static String validName(Call call, int index, String what) {
        for (byte b : call.arg(index)) {
            if (b < '!' || b > '~') {
                throw new CommandError("ERR " + what + " cannot contain spaces, newlines or special characters.");
            }
        }
        return call.text(index);
    }
}
