package io.portbind.kv.introspection;

import static io.portbind.kv.table.Arg.oneOf;
import static io.portbind.kv.table.Arg.pattern;
import static io.portbind.kv.table.Arg.string;
import static io.portbind.kv.table.CommandFlag.LOADING;
import static io.portbind.kv.table.CommandFlag.STALE;
import static io.portbind.kv.table.CommandGroup.SERVER;
import static io.portbind.kv.table.CommandSpec.CONSTANT_TIME;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.keyspace.GlobPattern;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Arg;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** COMMAND and its subcommands COUNT, INFO, DOCS, LIST and GETKEYS, all read from the command table. */
public final class CommandIntrospection implements CommandFamily {

    private static final Arg COMMAND_NAMES = string("command-name").optional().multiple();

    @Override
    public void register(CommandRegistry registry) {
        registry.add(command("command", call -> info(call, call.server().commands().all())).arity(-1)
                .flags(LOADING, STALE).group(SERVER).since("2.8.13")
                .summary("Returns detailed information about all commands.")
                .complexity("O(N) where N is the number of commands.")
                .subcommand(command("count", call -> call.reply().integer(call.server().commands().size()))
                        .arity(2).flags(LOADING, STALE).summary("Returns a count of commands.")
                        .complexity(CONSTANT_TIME))
                .subcommand(command("info", CommandIntrospection::infoOf).arity(-2).flags(LOADING, STALE)
                        .since("2.8.13").summary("Returns information about one, multiple or all commands.")
                        .complexity("O(N) where N is the number of commands.").args(COMMAND_NAMES))
                .subcommand(command("docs", CommandIntrospection::docs).arity(-2).flags(LOADING, STALE)
                        .since("7.0.0").summary("Returns documentary information about one, multiple or all commands.")
                        .complexity("O(N) where N is the number of commands.").args(COMMAND_NAMES))
                .subcommand(command("list", CommandIntrospection::list).arity(-2).flags(LOADING, STALE)
                        .since("7.0.0").summary("Returns a list of command names.")
                        .complexity("O(N) where N is the number of commands.")
                        .args(oneOf("filterby", string("module-name").token("MODULE"),
                                string("category").token("ACLCAT"),
                                pattern("pattern").token("PATTERN")).token("FILTERBY").optional()))
                .subcommand(command("getkeys", CommandIntrospection::getKeys).arity(-4).flags(LOADING, STALE)
                        .summary("Extracts the key names from an arbitrary command.")
                        .complexity("O(N) where N is the number of arguments.")
                        .args(string("command"), string("arg").optional().multiple())));
    }

    private static void infoOf(Call call) {
        if (call.argCount() == 2) {
            info(call, call.server().commands().all());
            return;
        }
        call.reply().array(call.argCount() - 2);
        for (int i = 2; i < call.argCount(); i++) {
            CommandSpec spec = call.server().commands().lookup(call.arg(i));
            if (spec == null) {
                call.reply().nullBulk();
            } else {
                CommandDescriptions.info(call.reply(), spec);
            }
        }
    }

    private static void info(Call call, Collection<CommandSpec> specs) {
        call.reply().array(specs.size());
        for (CommandSpec spec : specs) {
            CommandDescriptions.info(call.reply(), spec);
        }
    }

    /** COMMAND DOCS [name ...]: a map from name to documentation; unknown names are left out. */
    private static void docs(Call call) {
        List<CommandSpec> specs = new ArrayList<>();
        if (call.argCount() == 2) {
            specs.addAll(call.server().commands().all());
        } else {
            for (int i = 2; i < call.argCount(); i++) {
                CommandSpec spec = call.server().commands().lookup(call.arg(i));
                if (spec != null) {
                    specs.add(spec);
                }
            }
        }
        Reply reply = call.reply();
        reply.map(specs.size());
        for (CommandSpec spec : specs) {
            reply.bulk(spec.name());
            CommandDescriptions.docs(reply, spec);
        }
    }

    /** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]. */
    private static void list(Call call) {
        List<String> names = new ArrayList<>();
        if (call.argCount() == 2) {
            call.server().commands().all().forEach(spec -> names.add(spec.name()));
        } else if (call.argCount() == 5 && call.is(2, "filterby")) {
            for (CommandSpec spec : call.server().commands().all()) {
                if (listFilterAccepts(call, spec)) {
                    names.add(spec.name());
                }
            }
        } else {
            throw CommandError.SYNTAX;
        }
        call.reply().array(names.size());
        names.forEach(call.reply()::bulk);
    }

    private static boolean listFilterAccepts(Call call, CommandSpec spec) {
        if (call.is(3, "module")) {
            return false;
        }
        if (call.is(3, "aclcat")) {
            return CommandDescriptions.aclCategories(spec).contains("@" + call.text(4).toLowerCase(Locale.ROOT));
        }
        if (call.is(3, "pattern")) {
            return GlobPattern.matches(call.arg(4), spec.name().getBytes(StandardCharsets.US_ASCII),
                    GlobPattern.Case.INSENSITIVE);
        }
        throw CommandError.SYNTAX;
    }

    /** COMMAND GETKEYS command [arg ...]: the arguments the table says are keys. */
    private static void getKeys(Call call) {
        CommandSpec spec = call.server().commands().lookup(call.arg(2));
        if (spec == null) {
            throw new CommandError("ERR Invalid command specified");
        }
        byte[][] args = Arrays.copyOfRange(call.args(), 2, call.argCount());
        if (spec.isContainer() && args.length >= 2) {
            spec = spec.subcommand(new String(args[1], StandardCharsets.ISO_8859_1));
            if (spec == null) {
                throw new CommandError("ERR Invalid command specified");
            }
        }
        if (spec.firstKey() == 0 && !spec.hasMovableKeys()) {
            throw new CommandError("ERR The command has no key arguments");
        }
        int[] positions = spec.acceptsArgCount(args.length) ? spec.keyPositions(args) : new int[0];
        if (positions.length == 0) {
            throw new CommandError("ERR Invalid number of arguments specified for command");
        }
        call.reply().array(positions.length);
        for (int position : positions) {
            call.reply().bulk(args[position]);
        }
    }
}
