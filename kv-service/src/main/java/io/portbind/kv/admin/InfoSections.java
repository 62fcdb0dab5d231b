package io.portbind.kv.admin;

import io.portbind.kv.client.Authentication;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceStats;
import io.portbind.kv.snapshot.SaveStats;
import io.portbind.kv.snapshot.Snapshots;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandSpec;
import io.portbind.kv.table.CommandStats;
import io.portbind.kv.table.MemoryLimit;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The sections of INFO in Redis 7.0's order and format: {@code # Server\r\nredis_version:7.0.15\r\n...},
 * sections separated by an empty line. Fields Redis has for features this server lacks (replication) report
 * what is true here: no replicas. {@code used_memory} is the keyspace's own estimate of the heap its data holds,
 * the figure maxmemory limits; the other memory fields are the JVM's.
 */
enum InfoSections {
    SERVER("Server", Shown.BY_DEFAULT, InfoSections::server),
    CLIENTS("Clients", Shown.BY_DEFAULT, InfoSections::clients),
    MEMORY("Memory", Shown.BY_DEFAULT, InfoSections::memory),
    PERSISTENCE("Persistence", Shown.BY_DEFAULT, InfoSections::persistence),
    STATS("Stats", Shown.BY_DEFAULT, InfoSections::stats),
    REPLICATION("Replication", Shown.BY_DEFAULT, InfoSections::replication),
    CPU("CPU", Shown.BY_DEFAULT, InfoSections::cpu),
    MODULES("Modules", Shown.BY_DEFAULT, (call, info) -> { }),
    COMMANDSTATS("Commandstats", Shown.ON_REQUEST, InfoSections::commandStats),
    ERRORSTATS("Errorstats", Shown.BY_DEFAULT, InfoSections::errorStats),
    CLUSTER("Cluster", Shown.BY_DEFAULT, (call, info) -> info.field("cluster_enabled", 0)),
    KEYSPACE("Keyspace", Shown.BY_DEFAULT, InfoSections::keyspace);

    private static final String NO_REPLICATION_ID = "0".repeat(40);

    /** When INFO shows a section, as Redis 7.0 keeps its list of default sections. */
    private enum Shown {
        /** With no argument, with {@code default}, {@code all} or {@code everything}, and when named. */
        BY_DEFAULT,
        /** Only with {@code all} or {@code everything}, or when named (commandstats). */
        ON_REQUEST
    }

    private final String title;
    private final boolean inDefault;
    private final BiConsumer<Call, Info> writer;

    InfoSections(String title, Shown shown, BiConsumer<Call, Info> writer) {
        this.title = title;
        this.inDefault = shown == Shown.BY_DEFAULT;
        this.writer = writer;
    }

    /**
     * INFO [section ...]: the named sections in Redis's order, each once. {@code all} and {@code everything}
     * name every section, {@code default} (or no argument) the usual ones; unknown names add nothing.
     */
    static String render(Call call) {
        Set<InfoSections> chosen = EnumSet.noneOf(InfoSections.class);
        for (InfoSections section : values()) {
            if (call.argCount() == 1 && section.inDefault) {
                chosen.add(section);
            }
            for (int i = 1; i < call.argCount(); i++) {
                if (call.is(i, "all") || call.is(i, "everything") || call.is(i, "default") && section.inDefault
                        || call.is(i, section.name().toLowerCase(Locale.ROOT))) {
                    chosen.add(section);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        chosen.forEach(section -> section.write(call, text));
        return text.toString();
    }

    /** Appends this section, title line first; a section after another starts with an empty line. */
    private void write(Call call, StringBuilder text) {
        if (!text.isEmpty()) {
            text.append("\r\n");
        }
        text.append("# ").append(title).append("\r\n");
        writer.accept(call, new Info(text));
    }

    private static void server(Call call, Info info) {
        ServerState server = call.server();
        long now = call.keyspace().now();
        long uptime = (now - server.startMillis()) / 1000;
        info.field("redis_version", Authentication.REDIS_VERSION)
                .field("redis_git_sha1", "00000000")
                .field("redis_git_dirty", 0)
                .field("redis_mode", "standalone")
                .field("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch").replace("amd64", "x86_64"))
                .field("arch_bits", 64)
                .field("multiplexing_api", call.session().channel().getClass().getSimpleName()
                        .replace("SocketChannel", "").toLowerCase(Locale.ROOT))
                .field("process_id", ProcessHandle.current().pid())
                .field("process_supervised", "no")
                .field("run_id", call.server().runId())
                .field("tcp_port", ((InetSocketAddress) call.session().channel().localAddress()).getPort())
                .field("server_time_usec", ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()))
                .field("uptime_in_seconds", uptime)
                .field("uptime_in_days", uptime / 86_400)
                .field("hz", 10)
                .field("configured_hz", 10)
                .field("config_file", "")
                .field("io_threads_active", 0);
    }

    private static void clients(Call call, Info info) {
        long blocked = call.server().clients().values().stream().filter(Session::isParked).count();
        info.field("connected_clients", call.server().clients().size())
                .field("cluster_connections", 0)
                .field("maxclients", call.server().maxClients())
                .field("client_recent_max_output_buffer", call.server().clients().values().stream()
                        .mapToLong(Session::pendingOutputBytes).max().orElse(0))
                .field("blocked_clients", blocked)
                .field("tracking_clients", 0);
    }

    private static void memory(Call call, Info info) {
        long used = Math.max(1, call.keyspace().usedMemory());
        MemoryLimit limit = call.server().memoryLimit();
        long peak = ProcessMetrics.peakMemory();
        long resident = ProcessMetrics.residentMemory();
        long system = ProcessMetrics.totalSystemMemory();
        info.field("used_memory", used)
                .field("used_memory_human", ProcessMetrics.human(used))
                .field("used_memory_rss", resident)
                .field("used_memory_rss_human", ProcessMetrics.human(resident))
                .field("used_memory_peak", peak)
                .field("used_memory_peak_human", ProcessMetrics.human(peak))
                .field("used_memory_peak_perc", String.format(Locale.ROOT, "%.2f%%", used * 100.0 / peak))
                .field("total_system_memory", system)
                .field("total_system_memory_human", ProcessMetrics.human(system))
                .field("maxmemory", Long.toUnsignedString(limit.maxmemory()))
                .field("maxmemory_human", humanUnsigned(limit.maxmemory()))
                .field("maxmemory_policy", limit.policyName())
                .field("mem_fragmentation_ratio", String.format(Locale.ROOT, "%.2f", (double) resident / used));
    }

    /**
     * Redis 7.0's persistence fields in its order. There is no fork, so the copy-on-write figures (which Redis
     * reads from the child's memory) are 0; keys processed are the running save's. The aof_* fields are those of
     * Redis with the AOF off.
     */
    private static void persistence(Call call, Info info) {
        Snapshots snapshots = call.server().service(Snapshots.class);
        SaveStats saves = snapshots.stats();
        long[] keys = snapshots.currentKeys();
        info.field("loading", 0)
                .field("async_loading", 0)
                .field("current_cow_peak", 0)
                .field("current_cow_size", 0)
                .field("current_cow_size_age", 0)
                .field("current_fork_perc", "0.00")
                .field("current_save_keys_processed", keys[0])
                .field("current_save_keys_total", keys[1])
                .field("rdb_changes_since_last_save", snapshots.changes())
                .field("rdb_bgsave_in_progress", snapshots.backgroundInProgress() ? 1 : 0)
                .field("rdb_last_save_time", saves.lastSaveSeconds())
                .field("rdb_last_bgsave_status", saves.lastBackgroundSaveOk() ? "ok" : "err")
                .field("rdb_last_bgsave_time_sec", saves.lastBackgroundSaveSeconds())
                .field("rdb_current_bgsave_time_sec", snapshots.currentBackgroundSeconds())
                .field("rdb_saves", saves.saves())
                .field("rdb_last_cow_size", 0)
                .field("rdb_last_load_keys_expired", saves.lastLoadKeysExpired())
                .field("rdb_last_load_keys_loaded", saves.lastLoadKeysLoaded());
        call.server().aofInfo().write(info::field);
    }

    private static void stats(Call call, Info info) {
        KeyspaceStats keys = call.keyspace().stats();
        var stats = call.server().stats();
        info.field("total_connections_received", stats.connectionsReceived())
                .field("total_commands_processed", stats.commandsProcessed())
                .field("instantaneous_ops_per_sec", stats.opsPerSecond(call.keyspace().now()))
                .field("rejected_connections", stats.connectionsRejected())
                .field("sync_full", stats.fullSyncs())
                .field("expired_keys", keys.expiredKeys())
                .field("evicted_keys", keys.evictedKeys())
                .field("keyspace_hits", keys.hits())
                .field("keyspace_misses", keys.misses())
                .field("total_error_replies", stats.errorReplies());
    }

    private static void replication(Call call, Info info) {
        info.field("role", "master")
                .field("connected_slaves", 0)
                .field("master_failover_state", "no-failover")
                .field("master_replid", call.server().runId())
                .field("master_replid2", NO_REPLICATION_ID)
                .field("master_repl_offset", 0)
                .field("second_repl_offset", -1)
                .field("repl_backlog_active", 0)
                .field("repl_backlog_first_byte_offset", 0)
                .field("repl_backlog_histlen", 0);
    }

    private static void cpu(Call call, Info info) {
        double[] seconds = ProcessMetrics.cpuSeconds();
        if (seconds == null) {
            return;
        }
        info.field("used_cpu_sys", String.format(Locale.ROOT, "%.6f", seconds[1]))
                .field("used_cpu_user", String.format(Locale.ROOT, "%.6f", seconds[0]))
                .field("used_cpu_sys_children", "0.000000")
                .field("used_cpu_user_children", "0.000000");
    }

    /** {@code cmdstat_get:calls=3,usec=12,usec_per_call=4.00,rejected_calls=0,failed_calls=0} per used command. */
    private static void commandStats(Call call, Info info) {
        for (CommandSpec spec : call.server().commands().all()) {
            commandStat(spec, info);
            spec.subcommands().values().forEach(sub -> commandStat(sub, info));
        }
    }

    private static void commandStat(CommandSpec spec, Info info) {
        CommandStats stats = spec.stats();
        if (!stats.isUsed()) {
            return;
        }
        double perCall = stats.calls() == 0 ? 0 : (double) stats.micros() / stats.calls();
        info.field("cmdstat_" + spec.fullName(), "calls=" + stats.calls() + ",usec=" + stats.micros()
                + ",usec_per_call=" + String.format(Locale.ROOT, "%.2f", perCall)
                + ",rejected_calls=" + stats.rejectedCalls() + ",failed_calls=" + stats.failedCalls());
    }

    private static void errorStats(Call call, Info info) {
        call.server().stats().errors().forEach((code, count) -> info.field("errorstat_" + code, "count=" + count));
    }

    /** {@code db0:keys=3,expires=1,avg_ttl=0} for each database that has keys; no average TTL is estimated. */
    private static void keyspace(Call call, Info info) {
        for (int i = 0; i < Keyspace.DATABASES; i++) {
            Database db = call.keyspace().database(i);
            if (db.size() > 0) {
                info.field("db" + i, "keys=" + db.size() + ",expires=" + db.expiringSize() + ",avg_ttl=0");
            }
        }
    }

    /** Redis's bytesToHuman for an unsigned size: past the petabytes it prints the bytes. */
    private static String humanUnsigned(long bytes) {
        return bytes < 0 || bytes >= 1L << 60 ? Long.toUnsignedString(bytes) + "B" : ProcessMetrics.human(bytes);
    }

    /** Appends {@code name:value\r\n} lines. */
    private record Info(StringBuilder text) {

        Info field(String name, Object value) {
            text.append(name).append(':').append(value).append("\r\n");
            return this;
        }
    }
}
