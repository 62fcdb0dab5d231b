package io.portbind.kv.scripting;

import io.portbind.kv.keyspace.FunctionStore;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.ConfigEntry;
import io.portbind.kv.table.Help;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT (LOAD, EXISTS, FLUSH, KILL, HELP); FCALL, FCALL_RO and FUNCTION
 * (see {@link FunctionCommands}); the {@code busy-reply-threshold} parameter (alias {@code lua-time-limit}). The
 * engine is the server's busy script.
 */
public final class ScriptingCommands implements CommandFamily {

    private static final String NOSCRIPT = "NOSCRIPT No matching script. Please use EVAL.";
    private static final int SHA_LENGTH = 40;

    private final ScriptCache cache = new ScriptCache();
    private ScriptEngine engine;

    /** How a script is found: by body (EVAL) or by SHA-1 (EVALSHA). */
    private enum Source { BODY, SHA }

    @Override
    public void register(CommandRegistry registry) {
        engine = new ScriptEngine(registry.server());
        registry.server().busyScript(engine);
        registry.bind("eval", call -> eval(call, Source.BODY, false))
                .bind("evalsha", call -> eval(call, Source.SHA, false))
                .bind("eval_ro", call -> eval(call, Source.BODY, true))
                .bind("evalsha_ro", call -> eval(call, Source.SHA, true))
                .bind("script|load", this::load)
                .bind("script|exists", this::exists)
                .bind("script|flush", this::flush)
                .bind("script|kill", call -> {
                    engine.kill(ScriptKind.EVAL);
                    call.reply().ok();
                })
                .bind("script|help", ScriptingCommands::help);
        FunctionLibraries libraries = new FunctionLibraries(engine);
        registry.server().keyspace().functionStore(new FunctionStore() {
            @Override
            public List<byte[]> codes() {
                return libraries.codes();
            }

            @Override
            public void load(byte[] code) {
                try {
                    libraries.load(code, false);
                } catch (CommandError refused) {
                    throw new IllegalArgumentException(refused.getMessage());
                }
            }
        });
        FunctionCommands functions = new FunctionCommands(engine, libraries);
        registry.bind("fcall", call -> functions.fcall(call, false))
                .bind("fcall_ro", call -> functions.fcall(call, true))
                .bind("function|load", functions::load)
                .bind("function|delete", functions::delete)
                .bind("function|flush", functions::flush)
                .bind("function|list", functions::list)
                .bind("function|dump", functions::dump)
                .bind("function|restore", functions::restore)
                .bind("function|stats", functions::stats)
                .bind("function|kill", functions::kill)
                .bind("function|help", FunctionCommands::help);
        ConfigEntry.Setter threshold = (call, text) -> engine.busyThresholdMillis(Numbers.parseLong(
                text.getBytes(StandardCharsets.US_ASCII)));
        registry.server().configEntries().addAll(List.of(
                new ConfigEntry("busy-reply-threshold", () -> Long.toString(engine.busyThresholdMillis()), threshold),
                new ConfigEntry("lua-time-limit", () -> Long.toString(engine.busyThresholdMillis()), threshold)));
    }

    private void eval(Call call, Source source, boolean readOnly) {
        int keyCount = keyCount(call);
        String sha;
        ScriptCache.Script script;
        if (source == Source.BODY) {
            sha = RedisLibrary.sha1hex(call.arg(1));
            script = cache.get(sha);
            if (script == null) {
                script = compile(call.arg(1));
                cache.put(sha, script);
            }
        } else {
            sha = call.text(1).toLowerCase(Locale.ROOT);
            script = sha.length() == SHA_LENGTH ? cache.get(sha) : null;
            if (script == null) {
                throw new CommandError(NOSCRIPT);
            }
        }
        ScriptFlags flags = readOnly ? script.flags().readOnly() : script.flags();
        engine.run(call, ScriptKind.EVAL, sha, script.function(), flags, 3, keyCount);
    }

    private ScriptCache.Script compile(byte[] body) {
        ScriptFlags flags = ScriptFlags.ofEval(body);
        return new ScriptCache.Script(engine.compile(ScriptKind.EVAL, body), flags);
    }

    /** EVAL's numkeys, checked against the arguments that follow, in Redis's words. */
    private static int keyCount(Call call) {
        long count = call.longArg(2);
        if (count > call.argCount() - 3) {
            throw new CommandError("ERR Number of keys can't be greater than number of args");
        }
        if (count < 0) {
            throw new CommandError("ERR Number of keys can't be negative");
        }
        return (int) count;
    }

    private void load(Call call) {
        String sha = RedisLibrary.sha1hex(call.arg(2));
        if (!cache.contains(sha)) {
            cache.put(sha, compile(call.arg(2)));
        }
        call.reply().bulk(sha);
    }

    private void exists(Call call) {
        call.reply().array(call.argCount() - 2);
        for (int i = 2; i < call.argCount(); i++) {
            call.reply().integer(cache.contains(call.text(i).toLowerCase(Locale.ROOT)) ? 1 : 0);
        }
    }

    private void flush(Call call) {
        if (call.argCount() > 3 || call.argCount() == 3 && !call.is(2, "sync") && !call.is(2, "async")) {
            throw new CommandError("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
        }
        cache.clear();
        call.reply().ok();
    }

    private static void help(Call call) {
        Help.reply(call,
                "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "DEBUG (YES|SYNC|NO)",
                "    Set the debug mode for subsequent scripts executed.",
                "EXISTS <sha1> [<sha1> ...]",
                "    Return information about the existence of the scripts in the script cache.",
                "FLUSH [ASYNC|SYNC]",
                "    Flush the Lua scripts cache. Very dangerous on replicas.",
                "    When called without the optional mode argument, the behavior is determined by the",
                "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
                "    * ASYNC: Asynchronously flush the scripts cache.",
                "    * SYNC: Synchronously flush the scripts cache.",
                "KILL",
                "    Kill the currently executing Lua script.",
                "LOAD <script>",
                "    Load a script into the scripts cache without executing it.");
    }
}
