package io.portbind.kv.command;

import io.portbind.kv.commands.ClientCommands;
import io.portbind.kv.commands.CommandIntrospection;
import io.portbind.kv.commands.ConfigCommands;
import io.portbind.kv.commands.ConnectionCommands;
import io.portbind.kv.commands.ExpiryCommands;
import io.portbind.kv.commands.HashCommands;
import io.portbind.kv.commands.KeyCommands;
import io.portbind.kv.commands.ListCommands;
import io.portbind.kv.commands.ObjectCommands;
import io.portbind.kv.commands.PubSubCommands;
import io.portbind.kv.commands.ResetCommand;
import io.portbind.kv.commands.ServerCommands;
import io.portbind.kv.commands.SetCommands;
import io.portbind.kv.commands.SortedSetCommands;
import io.portbind.kv.commands.StringCommands;
import io.portbind.kv.commands.TransactionCommands;
import java.util.List;

/** The command families the server offers: adding a family is adding one line here. */
public final class CommandFamilies {

    private CommandFamilies() {
    }

    /** A fresh instance of every family, for one server. */
    public static List<CommandFamily> create() {
        PubSubCommands pubSub = new PubSubCommands();
        TransactionCommands transactions = new TransactionCommands();
        return List.of(
                pubSub,
                transactions,
                new ResetCommand(pubSub, transactions),
                new ConnectionCommands(),
                new ClientCommands(),
                new ServerCommands(),
                new ConfigCommands(),
                new CommandIntrospection(),
                new KeyCommands(),
                new ObjectCommands(),
                new ExpiryCommands(),
                new StringCommands(),
                new ListCommands(),
                new HashCommands(),
                new SetCommands(),
                new SortedSetCommands());
    }
}
