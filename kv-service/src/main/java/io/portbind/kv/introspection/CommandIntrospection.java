package io.portbind.kv.introspection;

import io.portbind.kv.declaration.CommandDeclaration;
import io.portbind.kv.declaration.CommandDocsWriter;
import io.portbind.kv.declaration.CommandFlag;
import io.portbind.kv.declaration.CommandInfoWriter;
import io.portbind.kv.keyspace.GlobPattern;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
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

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("command", call -> info(call, call.server().commands().all()))
                .bind("command|count", call -> call.reply().integer(call.server().commands().size()))
                .bind("command|info", CommandIntrospection::infoOf)
                .bind("command|docs", CommandIntrospection::docs)
                .bind("command|list", CommandIntrospection::list)
                .bind("command|getkeys", CommandIntrospection::getKeys);
    }

    private static void infoOf(Call call) {
        if (call.argCount() == 2) {
            info(call, call.server().commands().all());
            return;
        }
        call.reply().array(call.argCount() - 2);
        for (int i = 2; i < call.argCount(); i++) {
            CommandSpec spec = call.server().commands().lookupFullName(call.arg(i));
            if (spec == null) {
                call.reply().nullBulk();
            } else {
                info(call.reply(), spec);
            }
        }
    }

    private static void info(Call call, Collection<CommandSpec> specs) {
        call.reply().array(specs.size());
        for (CommandSpec spec : specs) {
            info(call.reply(), spec);
        }
    }

    /** COMMAND DOCS [name ...]: a map from name to documentation; unknown names are left out. */
    private static void docs(Call call) {
        List<CommandSpec> specs = new ArrayList<>();
        if (call.argCount() == 2) {
            specs.addAll(call.server().commands().all());
        } else {
            for (int i = 2; i < call.argCount(); i++) {
                CommandSpec spec = call.server().commands().lookupFullName(call.arg(i));
                if (spec != null) {
                    specs.add(spec);
                }
            }
        }
        Reply reply = call.reply();
        reply.map(specs.size());
        for (CommandSpec spec : specs) {
            reply.bulk(spec.fullName());
            CommandDocsWriter.write(reply, spec.declaration(), subcommandDeclarations(spec));
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
            return spec.declaration().allAclCategories().contains(call.text(4).toUpperCase(Locale.ROOT));
        }
        if (call.is(3, "pattern")) {
            return GlobPattern.matches(call.arg(4), spec.name().getBytes(StandardCharsets.US_ASCII),
                    GlobPattern.Case.INSENSITIVE);
        }
        throw CommandError.SYNTAX;
    }

    /**
     * COMMAND GETKEYS command [arg ...]: the arguments the key specs say are keys, with Redis 7.0's errors in its
     * order: no such command, no keys at all, wrong argument count, arguments where no key fits.
     */
    private static void getKeys(Call call) {
        byte[][] args = Arrays.copyOfRange(call.args(), 2, call.argCount());
        CommandSpec spec = call.server().commands().lookup(args[0]);
        if (spec != null && spec.isContainer() && args.length >= 2) {
            spec = spec.subcommand(new String(args[1], StandardCharsets.ISO_8859_1));
        }
        if (spec == null) {
            throw new CommandError("ERR Invalid command specified");
        }
        if (!spec.hasKeys()) {
            throw new CommandError("ERR The command has no key arguments");
        }
        if (!spec.acceptsArgCount(args.length)) {
            throw new CommandError("ERR Invalid number of arguments specified for command");
        }
        int[] positions = spec.keyPositions(args);
        if (positions.length == 0 && !spec.has(CommandFlag.NO_MANDATORY_KEYS)) {
            throw new CommandError("ERR Invalid arguments specified for command");
        }
        call.reply().array(positions.length);
        for (int position : positions) {
            call.reply().bulk(args[position]);
        }
    }

    private static void info(Reply reply, CommandSpec spec) {
        CommandInfoWriter.write(reply, spec.declaration(), subcommandDeclarations(spec));
    }

    private static List<CommandDeclaration> subcommandDeclarations(CommandSpec spec) {
        return spec.subcommands().values().stream().map(CommandSpec::declaration).toList();
    }
}
