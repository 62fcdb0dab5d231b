package io.portbind.kv.aof;

import io.portbind.common.server.StartupException;
import io.portbind.common.config.Config;
import io.portbind.common.config.InvalidValueException;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.MemoryValue;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.ConfigEntry;
import io.portbind.kv.table.ServerState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The AOF as a feature: BGREWRITEAOF, its parameters in CONFIG GET/SET ({@code appendonly}, {@code appendfsync},
 * {@code appenddirname}, {@code appendfilename}, {@code auto-aof-rewrite-*}, {@code aof-load-truncated},
 * {@code aof-use-rdb-preamble}), its INFO persistence fields, and the once-a-second check for scheduled and
 * automatic rewrites. {@link #start} opens the AOF once the command table exists (loading replays through it).
 */
public final class AofCommands implements CommandFamily, AutoCloseable {

    private static final String DEFAULT_DIR = ".";

    private final Path dataDirectory;
    private final AofSettings.Values settings;
    private final RdbBase rdbBase;
    private AppendOnlyFile aof;
    private ScheduledExecutorService cron;

    /**
     * @param dataDirectory Redis's {@code dir}: the AOF directory is {@code dir/appenddirname}
     * @param rdbBase     what loads a base of type rdb, or null until the RDB codec provides one
     */
    public AofCommands(Path dataDirectory, Config config, RdbBase rdbBase) {
        this(dataDirectory, AofSettings.Values.of(config), rdbBase);
    }

    private AofCommands(Path dataDirectory, AofSettings.Values settings, RdbBase rdbBase) {
        this.dataDirectory = dataDirectory;
        this.settings = settings;
        this.rdbBase = rdbBase;
    }

    /** With Redis's defaults in the working directory, for a server started without configuration. */
    public static AofCommands withDefaults() {
        return new AofCommands(Path.of(DEFAULT_DIR), new AofSettings.Values("appendonlydir", "appendonly.aof",
                FsyncPolicy.EVERYSEC, 100, 64L * 1024 * 1024), null);
    }

    @Override
    public void register(CommandRegistry registry) {
        ServerState server = registry.server();
        aof = new AppendOnlyFile(server, dataDirectory.resolve(settings.dirname()), settings, rdbBase);
        registry.bind("bgrewriteaof", this::bgrewriteaof);
        server.configEntries().addAll(List.of(
                new ConfigEntry("appendonly", () -> aof.enabled() ? "yes" : "no", this::setAppendOnly),
                new ConfigEntry("appendfsync", () -> settings.fsync().text(), this::setFsync),
                new ConfigEntry("appenddirname", settings::dirname, null),
                new ConfigEntry("appendfilename", settings::filename, null),
                new ConfigEntry("auto-aof-rewrite-percentage", () -> Long.toString(settings.autoRewritePercentage()),
                        (call, value) -> settings.autoRewritePercentage(percentage(value))),
                new ConfigEntry("auto-aof-rewrite-min-size", () -> Long.toString(settings.autoRewriteMinSize()),
                        (call, value) -> settings.autoRewriteMinSize(memory(value))),
                new ConfigEntry("aof-load-truncated", () -> settings.loadTruncated() ? "yes" : "no",
                        (call, value) -> settings.loadTruncated(ConfigEntry.yesOrNo(value))),
                // A rewrite writes an RDB base when the codec is there (Redis's default), else an AOF one.
                new ConfigEntry("aof-use-rdb-preamble", this::rdbPreamble, (call, value) -> {
                    if (!value.equalsIgnoreCase(rdbPreamble())) {
                        throw new CommandError("only '" + rdbPreamble() + "' is supported by this server");
                    }
                })));
        server.aofInfo(new AofInfo(aof));
    }

    private String rdbPreamble() {
        return rdbBase != null ? "yes" : "no";
    }

    /** The AOF, for the snapshot feature ({@link AppendOnlyFile#backgroundSaves}). Null before registration. */
    public AppendOnlyFile appendOnlyFile() {
        return aof;
    }

    /**
     * Opens the AOF when {@code enabled} (loading what is there), then starts the rewrite checks. Throws
     * {@link StartupException} when the files cannot be loaded.
     */
    public void start(boolean enabled) {
        if (enabled) {
            aof.openAtStart();
        }
        cron = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kv-aof-cron");
            thread.setDaemon(true);
            return thread;
        });
        cron.scheduleWithFixedDelay(aof::cron, 1, 1, TimeUnit.SECONDS);
    }

    private void bgrewriteaof(Call call) {
        AppendOnlyFile.RewriteStart start = aof.rewrite(call.session().inTransaction());
        if (start.reply().startsWith("ERR ")) {
            throw new CommandError(start.reply());
        }
        call.reply().simple(start.reply());
    }

    private void setAppendOnly(Call call, String value) {
        if (ConfigEntry.yesOrNo(value)) {
            aof.turnOn(call.session().inTransaction());
        } else {
            aof.turnOff();
        }
    }

    private void setFsync(Call call, String value) {
        FsyncPolicy policy = FsyncPolicy.parse(value);
        if (policy == null) {
            throw new CommandError("argument(s) must be one of the following: everysec, always, no");
        }
        aof.policy(policy);
    }


    private static long percentage(String value) {
        try {
            return AofSettings.percentage(value);
        } catch (InvalidValueException e) {
            throw new CommandError("argument must be between 0 and 2147483647 inclusive");
        }
    }

    private static long memory(String value) {
        try {
            return MemoryValue.parse(value);
        } catch (IllegalArgumentException notMemory) {
            throw new CommandError("argument must be a memory value");
        }
    }

    @Override
    public void close() {
        if (cron != null) {
            cron.shutdownNow();
        }
        if (aof != null) {
            aof.close();
        }
    }
}
