package io.portbind.kv.commands;

import static io.portbind.kv.command.CommandFlag.FAST;
import static io.portbind.kv.command.CommandFlag.READONLY;
import static io.portbind.kv.command.CommandFlag.WRITE;
import static io.portbind.kv.command.CommandGroup.GENERIC;
import static io.portbind.kv.command.CommandSpec.command;

import io.portbind.kv.command.Call;
import io.portbind.kv.command.CommandFamily;
import io.portbind.kv.command.CommandRegistry;
import io.portbind.kv.store.ValueType;
import java.util.function.Predicate;

/** DEL, EXISTS and TYPE: commands on keys of any type. */
public final class KeyCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(command("del", KeyCommands::del).arity(-2).flags(WRITE).keys(1, -1, 1).group(GENERIC)
                        .since("1.0.0").summary("Deletes one or more keys."))
                .add(command("exists", KeyCommands::exists).arity(-2).flags(READONLY, FAST).keys(1, -1, 1)
                        .group(GENERIC).since("1.0.0").summary("Determines whether one or more keys exist."))
                .add(command("type", KeyCommands::type).arity(2).flags(READONLY, FAST).keys(1, 1, 1)
                        .group(GENERIC).since("1.0.0").summary("Determines the type of value stored at a key."));
    }

    private static void del(Call call) {
        call.reply().integer(countKeys(call, call.db()::delete));
    }

    /** Counts every argument naming a live key, repeats included. */
    private static void exists(Call call) {
        call.reply().integer(countKeys(call, call.db()::exists));
    }

    /** How many of the key arguments {@code action} returns true for. */
    private static int countKeys(Call call, Predicate<byte[]> action) {
        int count = 0;
        for (int i = 1; i < call.argCount(); i++) {
            if (action.test(call.arg(i))) {
                count++;
            }
        }
        return count;
    }

    private static void type(Call call) {
        Object value = call.db().get(call.arg(1));
        call.reply().simple(value == null ? "none" : ValueType.of(value).typeName());
    }
}
