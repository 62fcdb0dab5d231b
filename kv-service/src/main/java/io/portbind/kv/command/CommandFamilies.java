package io.portbind.kv.command;

import io.portbind.kv.commands.ClientCommands;
import io.portbind.kv.commands.CommandIntrospection;
import io.portbind.kv.commands.ConfigCommands;
import io.portbind.kv.commands.ConnectionCommands;
import io.portbind.kv.commands.ExpiryCommands;
import io.portbind.kv.commands.KeyCommands;
import io.portbind.kv.commands.ListCommands;
import io.portbind.kv.commands.ServerCommands;
import io.portbind.kv.commands.SetCommands;
import io.portbind.kv.commands.SortedSetCommands;
import io.portbind.kv.commands.StringCommands;
import java.util.List;

/** The command families the server offers: adding a family is adding one line here. */
public final class CommandFamilies {

    private CommandFamilies() {
    }

    /** A fresh instance of every family, for one server. */
    public static List<CommandFamily> create() {
        return List.of(
                new ConnectionCommands(),
                new ClientCommands(),
                new ServerCommands(),
                new ConfigCommands(),
                new CommandIntrospection(),
                new KeyCommands(),
                new ExpiryCommands(),
                new StringCommands(),
                new ListCommands(),
                new SetCommands(),
                new SortedSetCommands());
    }
}
