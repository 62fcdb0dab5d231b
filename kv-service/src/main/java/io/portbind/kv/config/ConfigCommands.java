package io.portbind.kv.config;

import io.portbind.kv.keyspace.GlobPattern;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Help;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CONFIG GET, SET, RESETSTAT, REWRITE and HELP over {@link ConfigParameters}.
 */
public final class ConfigCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        ConfigParameters parameters = new ConfigParameters(registry.server());
        registry.server().configEntries().addAll(EncodingParameters.all());
        registry.bind("config|get", call -> get(call, parameters))
                .bind("config|set", call -> set(call, parameters))
                .bind("config|resetstat", ConfigCommands::resetStat)
                .bind("config|rewrite", ConfigCommands::rewrite)
                .bind("config|help", call -> Help.reply(call,
                        "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                        "GET <pattern>",
                        "    Return parameters matching the glob-like <pattern> and their values.",
                        "SET <directive> <value>",
                        "    Set the configuration <directive> to <value>.",
                        "RESETSTAT",
                        "    Reset statistics reported by the INFO command.",
                        "REWRITE",
                        "    Rewrite the configuration file."));
    }

    /**
     * CONFIG GET parameter [parameter ...]: each a glob pattern; every matching parameter once. A name
     * without glob characters is looked up in any case and answered under the name as written, as Redis does.
     */
    private static void get(Call call, ConfigParameters parameters) {
        Map<String, String> matched = new LinkedHashMap<>();
        for (int i = 2; i < call.argCount(); i++) {
            String pattern = call.text(i);
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('[') < 0) {
                ConfigParameters.Parameter parameter = parameters.find(pattern);
                if (parameter != null) {
                    matched.putIfAbsent(pattern, parameter.value().apply(call));
                }
                continue;
            }
            for (ConfigParameters.Parameter parameter : parameters.all()) {
                byte[] name = parameter.name().getBytes(StandardCharsets.US_ASCII);
                if (GlobPattern.matches(call.arg(i), name, GlobPattern.Case.INSENSITIVE)) {
                    matched.put(parameter.name(), parameter.value().apply(call));
                }
            }
        }
        call.reply().map(matched.size());
        matched.forEach((name, value) -> {
            call.reply().bulk(name);
            call.reply().bulk(value);
        });
    }

    /**
     * CONFIG SET parameter value [parameter value ...]: every name is checked before any value is
     * applied, then every value is checked before any is applied, so a failure changes nothing.
     */
    private static void set(Call call, ConfigParameters parameters) {
        if (call.argCount() % 2 != 0) {
            throw CommandError.SYNTAX;
        }
        Map<ConfigParameters.Parameter, Integer> changes = new LinkedHashMap<>();
        for (int i = 2; i < call.argCount(); i += 2) {
            ConfigParameters.Parameter parameter = parameters.find(call.text(i));
            if (parameter == null) {
                throw new CommandError("ERR Unknown option or number of arguments for CONFIG SET - '"
                        + call.text(i) + "'");
            }
            if (parameter.setter() == null) {
                throw failed(call, i, "can't set immutable config");
            }
            if (parameters.refusesProtected(parameter, call)) {
                throw failed(call, i, "can't set protected config");
            }
            if (changes.put(parameter, i) != null) {
                throw failed(call, i, "duplicate parameter");
            }
        }
        Map<ConfigParameters.Parameter, String> previous = new LinkedHashMap<>();
        changes.keySet().forEach(parameter -> previous.put(parameter, parameter.value().apply(call)));
        changes.forEach((parameter, at) -> {
            try {
                parameter.setter().set(call, new String(call.arg(at + 1), StandardCharsets.UTF_8));
            } catch (CommandError reason) {
                previous.forEach((changed, value) -> changed.setter().set(call, value));
                throw failed(call, at, reason.getMessage());
            }
        });
        call.reply().ok();
    }

    private static CommandError failed(Call call, int nameAt, String reason) {
        return new CommandError("ERR CONFIG SET failed (possibly related to argument '" + call.text(nameAt) + "') - "
                + reason);
    }

    private static void resetStat(Call call) {
        call.server().resetStats();
        call.reply().ok();
    }

    /** There is no configuration file: settings come from flags and the environment. */
    private static void rewrite(Call call) {
        throw new CommandError("ERR The server is running without a config file");
    }
}
