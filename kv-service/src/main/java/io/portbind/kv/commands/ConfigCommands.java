package io.portbind.kv.commands;

import static io.portbind.kv.command.CommandFlag.ADMIN;
import static io.portbind.kv.command.CommandFlag.LOADING;
import static io.portbind.kv.command.CommandFlag.NOSCRIPT;
import static io.portbind.kv.command.CommandFlag.STALE;
import static io.portbind.kv.command.CommandGroup.SERVER;
import static io.portbind.kv.command.CommandSpec.command;
import static io.portbind.kv.command.CommandSpec.container;

import io.portbind.kv.GlobPattern;
import io.portbind.kv.command.Call;
import io.portbind.kv.command.CommandFamily;
import io.portbind.kv.command.CommandRegistry;
import io.portbind.kv.protocol.RespRequestDecoder;
import io.portbind.kv.store.Keyspace;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CONFIG GET over the parameters this server has. Persistence is not offered, so {@code save} is
 * empty and {@code appendonly} is {@code no}: what redis-benchmark and redis-cli check at start.
 */
public final class ConfigCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        Map<String, String> parameters = parameters(registry);
        registry.add(container("config").group(SERVER).since("2.0.0")
                .summary("A container for server configuration commands.")
                .subcommand(command("get", call -> get(call, parameters)).arity(-3)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .summary("Returns the effective values of configuration parameters.")));
    }

    private static Map<String, String> parameters(CommandRegistry registry) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("save", "");
        values.put("appendonly", "no");
        values.put("databases", Integer.toString(Keyspace.DATABASES));
        values.put("requirepass", registry.server().password().orElse(""));
        values.put("proto-max-bulk-len", Long.toString(RespRequestDecoder.MAX_BULK));
        values.put("maxmemory", "0");
        values.put("maxmemory-policy", "noeviction");
        values.put("timeout", "0");
        values.put("hz", "10");
        values.put("maxclients", "10000");
        values.put("io-threads", "1");
        return values;
    }

    /** CONFIG GET parameter [parameter ...]: each a glob pattern; every matching parameter once. */
    private static void get(Call call, Map<String, String> parameters) {
        Map<String, String> matched = new LinkedHashMap<>();
        for (int i = 2; i < call.argCount(); i++) {
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                byte[] name = parameter.getKey().getBytes(StandardCharsets.US_ASCII);
                if (GlobPattern.matches(call.arg(i), name, true)) {
                    matched.put(parameter.getKey(), parameter.getValue());
                }
            }
        }
        call.reply().map(matched.size());
        matched.forEach((name, value) -> {
            call.reply().bulk(name);
            call.reply().bulk(value);
        });
    }
}
