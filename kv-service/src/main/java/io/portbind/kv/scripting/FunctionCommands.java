package io.portbind.kv.scripting;

import io.portbind.kv.keyspace.GlobPattern;
import io.portbind.kv.rdb.DumpPayload;
import io.portbind.kv.rdb.FunctionPayload;
import io.portbind.kv.rdb.RdbFormatException;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Help;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * FCALL, FCALL_RO and FUNCTION (LOAD, DELETE, FLUSH, LIST, DUMP, RESTORE, STATS, KILL, HELP), as Redis 7.0's
 * functions.c. Commands that change the libraries propagate as themselves.
 */
final class FunctionCommands {

    private final ScriptEngine engine;
    private final FunctionLibraries libraries;

    FunctionCommands(ScriptEngine engine, FunctionLibraries libraries) {
        this.engine = engine;
        this.libraries = libraries;
    }

    void fcall(Call call, boolean readOnly) {
        long keyCount;
        try {
            keyCount = call.longArg(2);
        } catch (CommandError notANumber) {
            throw new CommandError("ERR Bad number of keys provided");
        }
        if (keyCount > call.argCount() - 3) {
            throw new CommandError("ERR Number of keys can't be greater than number of args");
        }
        if (keyCount < 0) {
            throw new CommandError("ERR Number of keys can't be negative");
        }
        LibraryFunction function = libraries.function(call.text(1));
        if (function == null) {
            throw new CommandError("ERR Function not found");
        }
        ScriptFlags flags = function.flags();
        if (readOnly && !flags.noWrites()) {
            throw new CommandError("ERR Can not execute a script with write flag using *_ro command.");
        }
        engine.run(call, ScriptKind.FUNCTION, function.name(), function.callback(), flags, 3, (int) keyCount);
    }

    void load(Call call) {
        boolean replace = false;
        for (int i = 2; i < call.argCount() - 1; i++) {
            if (!call.is(i, "replace")) {
                throw new CommandError("ERR Unknown option given: " + call.text(i));
            }
            replace = true;
        }
        String name = libraries.load(call.arg(call.argCount() - 1), replace);
        call.forcePropagation();
        call.reply().bulk(name);
    }

    void delete(Call call) {
        libraries.delete(call.text(2));
        call.forcePropagation();
        call.reply().ok();
    }

    void flush(Call call) {
        if (call.argCount() == 3 && !call.is(2, "sync") && !call.is(2, "async")) {
            throw new CommandError("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
        }
        libraries.flush();
        call.forcePropagation();
        call.reply().ok();
    }

    void list(Call call) {
        boolean withCode = false;
        byte[] pattern = null;
        for (int i = 2; i < call.argCount(); i++) {
            if (call.is(i, "withcode")) {
                withCode = true;
            } else if (call.is(i, "libraryname") && i + 1 < call.argCount()) {
                pattern = call.arg(++i);
            } else if (call.is(i, "libraryname")) {
                throw new CommandError("ERR library name argument was not given");
            } else {
                throw new CommandError("ERR Unknown argument " + call.text(i));
            }
        }
        byte[] filter = pattern;
        List<FunctionLibrary> shown = libraries.all().stream().filter(library -> filter == null || GlobPattern.matches(
                filter, library.name().getBytes(StandardCharsets.UTF_8), GlobPattern.Case.SENSITIVE)).toList();
        Reply reply = call.reply();
        reply.array(shown.size());
        for (FunctionLibrary library : shown) {
            reply.map(withCode ? 4 : 3);
            reply.bulk("library_name");
            reply.bulk(library.name());
            reply.bulk("engine");
            reply.bulk("LUA");
            reply.bulk("functions");
            reply.array(library.functions().size());
            for (LibraryFunction function : library.functions()) {
                reply.map(3);
                reply.bulk("name");
                reply.bulk(function.name());
                reply.bulk("description");
                if (function.description() == null) {
                    reply.nullBulk();
                } else {
                    reply.bulk(function.description());
                }
                reply.bulk("flags");
                reply.set(function.flagNames().size());
                function.flagNames().forEach(reply::simple);
            }
            if (withCode) {
                reply.bulk("library_code");
                reply.bulk(library.code());
            }
        }
    }

    void dump(Call call) {
        call.reply().bulk(FunctionPayload.of(libraries.codes()));
    }

    void restore(Call call) {
        String policy = call.argCount() == 4 ? call.text(3).toUpperCase(java.util.Locale.ROOT) : "APPEND";
        if (!List.of("FLUSH", "APPEND", "REPLACE").contains(policy)) {
            throw new CommandError("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
        }
        byte[] payload = call.arg(2);
        List<byte[]> codes;
        try {
            if (!DumpPayload.verify(payload)) {
                throw new CommandError("ERR DUMP payload version or checksum are wrong");
            }
            codes = FunctionPayload.parse(payload);
        } catch (RdbFormatException corrupt) {
            throw new CommandError("ERR given type is not a function");
        }
        List<byte[]> before = libraries.codes();
        try {
            if (policy.equals("FLUSH")) {
                libraries.flush();
            }
            for (byte[] code : codes) {
                if (policy.equals("REPLACE")) {
                    libraries.load(code, true);
                } else {
                    libraries.append(code);
                }
            }
        } catch (CommandError failed) {
            libraries.flush();
            before.forEach(code -> libraries.load(code, false));
            throw failed;
        }
        call.forcePropagation();
        call.reply().ok();
    }

    /** FUNCTION STATS: also while a function is busy, without the keyspace lock. */
    void stats(Call call) {
        Reply reply = call.reply();
        reply.map(2);
        reply.bulk("running_script");
        RunningScript running = engine.running();
        if (running == null || running.kind() != ScriptKind.FUNCTION) {
            reply.nullBulk();
        } else {
            reply.map(3);
            reply.bulk("name");
            reply.bulk(running.name());
            reply.bulk("command");
            byte[][] command = running.command();
            reply.array(command.length);
            for (byte[] arg : command) {
                reply.bulk(arg);
            }
            reply.bulk("duration_ms");
            reply.integer(running.runningMillis());
        }
        reply.bulk("engines");
        reply.map(1);
        reply.bulk("LUA");
        reply.map(2);
        reply.bulk("libraries_count");
        reply.integer(libraries.libraryCount());
        reply.bulk("functions_count");
        reply.integer(libraries.functionCount());
    }

    void kill(Call call) {
        engine.kill(ScriptKind.FUNCTION);
        call.reply().ok();
    }

    static void help(Call call) {
        Help.reply(call,
                "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "LOAD [REPLACE] <FUNCTION CODE>",
                "    Create a new library with the given library name and code.",
                "DELETE <LIBRARY NAME>",
                "    Delete the given library.",
                "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
                "    Return general information on all the libraries:",
                "    * Library name",
                "    * The engine used to run the Library",
                "    * Library description",
                "    * Functions list",
                "    * Library code (if WITHCODE is given)",
                "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
                "STATS",
                "    Return information about the current function running:",
                "    * Function name",
                "    * Command used to run the function",
                "    * Duration in MS that the function is running",
                "    If no function is running, return nil",
                "    In addition, returns a list of available engines.",
                "KILL",
                "    Kill the current running function.",
                "FLUSH [ASYNC|SYNC]",
                "    Delete all the libraries.",
                "    When called without the optional mode argument, the behavior is determined by the",
                "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
                "    * ASYNC: Asynchronously flush the libraries.",
                "    * SYNC: Synchronously flush the libraries.",
                "DUMP",
                "    Return a serialized payload representing the current libraries, can be restored using FUNCTION "
                        + "RESTORE command",
                "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
                "    Restore the libraries represented by the given payload, it is possible to give a restore policy "
                        + "to",
                "    control how to handle existing libraries (default APPEND):",
                "    * FLUSH: delete all existing libraries.",
                "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
                "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the "
                        + "old",
                "      libraries with the new libraries (notice that even on this option there is a chance of "
                        + "failure",
                "      in case of functions name collision with another library).");
    }
}
