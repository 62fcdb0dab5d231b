package io.portbind.kv.config;

import io.portbind.common.server.NettyServer;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.resp.RespRequestDecoder;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.ConfigEntry;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.snapshot.SaveSchedule;
import io.portbind.kv.snapshot.Snapshots;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The configuration parameters CONFIG GET shows and CONFIG SET may change. Three kinds: settable
 * ({@code requirepass}, {@code protected-mode}, {@code maxclients}, {@code client-output-buffer-limit}, {@code save},
 * and {@code dir} and {@code dbfilename} where {@code enable-protected-configs} allows, and those features add to
 * the server, such as eviction's {@code maxmemory}), fixed (features this server does not have, such as the AOF,
 * and the listening address, which cannot move while running: setting them to the value they have is accepted,
 * anything else fails), and immutable as in Redis ({@code databases}, {@code io-threads}, ...).
 */
public final class ConfigParameters {

    /** Redis's bounds for {@code maxclients}, an unsigned int there. */
    private static final long MAX_CLIENTS_LIMIT = 4_294_967_295L;

    /** One parameter: its value as CONFIG GET shows it, and how CONFIG SET changes it (null: immutable). */
    record Parameter(String name, Function<Call, String> value, Setter setter) {
    }

    /** Applies a new value, or throws {@link CommandError} with the reason CONFIG SET reports. */
    @FunctionalInterface
    interface Setter {
        void set(Call call, String value);
    }

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final ServerState server;
    private final Map<ConfigEntry, Parameter> added = new ConcurrentHashMap<>();
    private final Set<String> protectedNames = new HashSet<>();

    ConfigParameters(ServerState server) {
        this.server = server;
        add("save", call -> snapshots(call).schedule().toString(), (call, value) -> snapshots(call)
                .schedule(SaveSchedule.parse(value).orElseThrow(() -> new CommandError(SaveSchedule.INVALID))));
        add("stop-writes-on-bgsave-error", call -> snapshots(call).stopWritesOnError() ? "yes" : "no",
                (call, value) -> snapshots(call).stopWritesOnError(ConfigEntry.yesOrNo(value)));
        protectedParameter("dir", call -> snapshots(call).dir().toString(),
                (call, value) -> snapshots(call).dir(directory(snapshots(call).dir(), value)));
        protectedParameter("dbfilename", call -> snapshots(call).fileName(), (call, value) -> {
            if (value.contains("/")) {
                throw new CommandError("dbfilename can't be a path, just a filename");
            }
            snapshots(call).fileName(value);
        });
        immutable("enable-protected-configs", call -> protectedConfigs(call).text());
        immutable("databases", call -> Integer.toString(Keyspace.DATABASES));
        add("requirepass", call -> server.password().orElse(""), (call, value) -> server.password(value));
        add("protected-mode", call -> server.protectedMode() ? "yes" : "no",
                (call, value) -> server.protectedMode(ConfigEntry.yesOrNo(value)));
        fixed("proto-max-bulk-len", Long.toString(RespRequestDecoder.MAX_BULK));
        fixed("maxmemory-clients", "0");
        fixed("timeout", "0");
        fixed("tcp-keepalive", "0");
        fixed("hz", "10");
        add("maxclients", call -> Long.toString(server.maxClients()),
                (call, value) -> server.maxClients(maxClients(value)));
        add("client-output-buffer-limit", call -> server.outputBufferLimits().toString(),
                (call, value) -> server.outputBufferLimits().set(value));
        immutable("io-threads", call -> Integer.toString(NettyServer.ioThreads()));
        fixed("port", call -> Integer.toString(listening(call).getPort()));
        fixed("bind", call -> listening(call).getAddress().isAnyLocalAddress() ? "*"
                : listening(call).getAddress().getHostAddress());
        immutable("daemonize", call -> "no");
        immutable("cluster-enabled", call -> "no");
    }

    /** Every parameter in declaration order, then those features added ({@link ServerState#configEntries}). */
    Iterable<Parameter> all() {
        List<Parameter> all = new ArrayList<>(parameters.values());
        server.configEntries().forEach(entry -> all.add(of(entry)));
        return all;
    }

    /** The parameter named {@code name} in any case, or null. */
    Parameter find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Parameter own = parameters.get(lower);
        if (own != null) {
            return own;
        }
        for (ConfigEntry entry : server.configEntries()) {
            if (entry.name().equals(lower)) {
                return of(entry);
            }
        }
        return null;
    }

    /** One {@link Parameter} per entry, so that CONFIG SET sees a parameter named twice as a duplicate. */
    private Parameter of(ConfigEntry entry) {
        return added.computeIfAbsent(entry, named -> new Parameter(named.name(), call -> named.value().get(),
                named.setter() == null ? null : named.setter()::set));
    }

    /**
     * Whether {@code call}'s client may not set {@code parameter}: it is one of Redis's protected configs (where
     * files go) and {@code enable-protected-configs} does not allow it this client.
     */
    boolean refusesProtected(Parameter parameter, Call call) {
        return protectedNames.contains(parameter.name())
                && !protectedConfigs(call).allows(call.session().channel().remoteAddress());
    }

    private void protectedParameter(String name, Function<Call, String> value, Setter setter) {
        add(name, value, setter);
        protectedNames.add(name);
    }

    private static Snapshots snapshots(Call call) {
        return call.server().service(Snapshots.class);
    }

    private static ProtectedConfigs protectedConfigs(Call call) {
        ProtectedConfigs value = call.server().findService(ProtectedConfigs.class);
        return value == null ? ProtectedConfigs.NO : value;
    }

    /**
     * CONFIG SET dir: {@code value} as Redis's {@code chdir} takes it (relative to the present directory), with the
     * reason {@code strerror} gives when it cannot be used.
     */
    private static Path directory(Path present, String value) {
        Path path = present.resolve(value).normalize();
        if (value.isEmpty() || !Files.exists(path)) {
            throw new CommandError("No such file or directory");
        }
        if (!Files.isDirectory(path)) {
            throw new CommandError("Not a directory");
        }
        if (!Files.isExecutable(path)) {
            throw new CommandError("Permission denied");
        }
        return path;
    }

    private void add(String name, Function<Call, String> value, Setter setter) {
        parameters.put(name, new Parameter(name, value, setter));
    }

    private void immutable(String name, Function<Call, String> value) {
        add(name, value, null);
    }

    /** A parameter for a feature this server does not offer: only its present value can be set. */
    private void fixed(String name, String value) {
        fixed(name, call -> value);
    }

    /** A parameter this server cannot change while running (port, bind): only its present value can be set. */
    private void fixed(String name, Function<Call, String> value) {
        add(name, value, (call, requested) -> {
            String present = value.apply(call);
            if (!requested.equalsIgnoreCase(present)) {
                throw new CommandError("only '" + present + "' is supported by this server");
            }
        });
    }


    /** A {@code maxclients} value: an integer as Redis writes one, within Redis's bounds. */
    private static long maxClients(String value) {
        long count;
        try {
            count = Numbers.parseLong(value.getBytes(StandardCharsets.UTF_8));
        } catch (CommandError notInteger) {
            throw new CommandError("argument couldn't be parsed into an integer");
        }
        if (count < 1 || count > MAX_CLIENTS_LIMIT) {
            throw new CommandError("argument must be between 1 and " + MAX_CLIENTS_LIMIT + " inclusive");
        }
        return count;
    }

    /** The server's listening address (its port and bind address), seen from the client's connection. */
    private static InetSocketAddress listening(Call call) {
        return (InetSocketAddress) call.session().channel().parent().localAddress();
    }
}
