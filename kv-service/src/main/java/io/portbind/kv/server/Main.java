package io.portbind.kv.server;

import io.portbind.common.config.InvalidValueException;
import io.portbind.common.config.Parsers;
import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.config.Setting;
import io.portbind.common.server.ServiceLauncher;
import io.portbind.kv.aof.AofSettings;
import io.portbind.kv.config.ProtectedConfigs;
import io.portbind.kv.eviction.MaxmemoryPolicy;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.MemoryValue;
import io.portbind.kv.snapshot.SaveSchedule;
import io.portbind.kv.table.OutputBufferLimits;
import io.portbind.kv.table.ServerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar kv-service.jar}: a Redis-protocol key-value store on its own port. */
public final class Main {

    /** Redis's {@code requirepass}: when set, clients must AUTH with it before other commands. */
    public static final Setting<String> REQUIREPASS = Setting.of("--requirepass", List.of("KV_PASSWORD"), null,
            "Password clients must give to AUTH (as Redis's requirepass); none by default.", Parsers::nonEmpty);

    /** Redis's {@code protected-mode}: while no password is set, only loopback clients are accepted. */
    public static final Setting<Boolean> PROTECTED_MODE = Setting.of("--protected-mode", List.of("KV_PROTECTED_MODE"),
            "yes", "While no password is set, accept clients only from the loopback interface (yes or no).",
            Parsers::yesOrNo);

    /** Redis's {@code maxclients}: a connection beyond this many connected clients is refused. */
    public static final Setting<Integer> MAXCLIENTS = Setting.of("--maxclients", List.of("KV_MAXCLIENTS"),
            Long.toString(ServerState.DEFAULT_MAX_CLIENTS), "How many clients may be connected at once.",
            Parsers.positiveInt(Integer.MAX_VALUE));

    /** Redis's {@code dir}: where dump.rdb (and the AOF directory) live. */
    public static final Setting<Path> DIR = Setting.of("--dir", List.of("KV_DIR"), ".",
            "Directory of the snapshot file and the AOF (as Redis's dir); the working directory by default.",
            Main::directory);

    /** Redis's {@code dbfilename}: the snapshot file's name inside {@link #DIR}. */
    public static final Setting<String> DBFILENAME = Setting.of("--dbfilename", List.of("KV_DBFILENAME"), "dump.rdb",
            "Name of the RDB snapshot file in --dir, loaded at start and written by SAVE and BGSAVE.", Main::fileName);

    /** Redis's {@code save}: when to save in the background; "" never. */
    public static final Setting<SaveSchedule> SAVE = Setting.of("--save", List.of("KV_SAVE"),
            SaveSchedule.REDIS_DEFAULT, "Save points \"<seconds> <changes> ...\": BGSAVE after that many seconds "
                    + "when at least that many writes happened; \"\" turns automatic saves off.", Main::saveSchedule);

    /** Redis's {@code stop-writes-on-bgsave-error}: refuse writes with -MISCONF after a failed background save. */
    public static final Setting<Boolean> STOP_WRITES_ON_BGSAVE_ERROR = Setting.of("--stop-writes-on-bgsave-error",
            List.of("KV_STOP_WRITES_ON_BGSAVE_ERROR"), "yes", "While save points are set and the last background "
                    + "save failed, refuse writes with -MISCONF until a save succeeds (yes or no).", Parsers::yesOrNo);

    /** Redis's {@code enable-protected-configs}: whether CONFIG SET may change dir and dbfilename. */
    public static final Setting<ProtectedConfigs> ENABLE_PROTECTED_CONFIGS = Setting.of("--enable-protected-configs",
            List.of("KV_ENABLE_PROTECTED_CONFIGS"), "no",
            "Whether CONFIG SET may change dir and dbfilename: no, yes, or local (loopback clients only).",
            Main::protectedConfigs);


    /** Redis's {@code maxmemory}: the estimate of the data's memory past which keys are evicted or writes refused. */
    public static final Setting<Long> MAXMEMORY = Setting.of("--maxmemory", List.of("KV_MAXMEMORY"), "0",
            "Memory limit for the data, in bytes or with a unit (100mb, 1gb); 0 means none.", Main::memory);

    /** Redis's {@code maxmemory-policy}: what happens when the data reaches maxmemory. */
    public static final Setting<MaxmemoryPolicy> MAXMEMORY_POLICY = Setting.of("--maxmemory-policy",
            List.of("KV_MAXMEMORY_POLICY"), "noeviction",
            "What to evict at maxmemory: noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, "
                    + "volatile-lfu, volatile-random or volatile-ttl.", Main::policy);

    /** Redis's {@code client-output-buffer-limit}: unread replies past which a client is disconnected. */
    public static final Setting<String> CLIENT_OUTPUT_BUFFER_LIMIT = Setting.of("--client-output-buffer-limit",
            List.of("KV_CLIENT_OUTPUT_BUFFER_LIMIT"), OutputBufferLimits.DEFAULT,
            "Per client class (normal, replica, pubsub): \"<class> <hard> <soft> <soft-seconds>\" ...; a client with "
                    + "more unread replies than hard, or than soft for soft-seconds, is disconnected; 0 is no limit.",
            Main::outputBufferLimits);

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("kv-service", "RESP", "KV_PORT", 6379,
            settings(List.of(REQUIREPASS, PROTECTED_MODE, MAXCLIENTS, DIR, DBFILENAME, SAVE, STOP_WRITES_ON_BGSAVE_ERROR,
                    ENABLE_PROTECTED_CONFIGS, MAXMEMORY, MAXMEMORY_POLICY, CLIENT_OUTPUT_BUFFER_LIMIT), AofSettings.ALL));

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, KvServer::new);
    }

    private static Setting<?>[] settings(List<Setting<?>> own, List<Setting<?>> aof) {
        List<Setting<?>> all = new ArrayList<>(own);
        all.addAll(aof);
        return all.toArray(new Setting<?>[0]);
    }

    /** An existing directory, made absolute: CONFIG GET dir shows it so, as Redis shows its working directory. */
    private static Path directory(String text) throws InvalidValueException {
        Path path = Path.of(text).toAbsolutePath().normalize();
        if (text.isEmpty() || !Files.isDirectory(path)) {
            throw new InvalidValueException("expected an existing directory");
        }
        return path;
    }

    /** A file name without a directory, as Redis checks dbfilename. */
    private static String fileName(String text) throws InvalidValueException {
        if (text.isEmpty() || text.contains("/")) {
            throw new InvalidValueException("expected a file name, not a path");
        }
        return text;
    }

    private static SaveSchedule saveSchedule(String text) throws InvalidValueException {
        return SaveSchedule.parse(text).orElseThrow(() -> new InvalidValueException(
                "expected pairs of <seconds> (at least 1) and <changes> (at least 0), such as \""
                        + SaveSchedule.REDIS_DEFAULT + "\", or \"\" for none"));
    }

    private static ProtectedConfigs protectedConfigs(String text) throws InvalidValueException {
        for (ProtectedConfigs value : ProtectedConfigs.values()) {
            if (value.text().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new InvalidValueException("expected no, yes or local");
    }

    private static long memory(String text) throws InvalidValueException {
        try {
            return MemoryValue.parse(text);
        } catch (IllegalArgumentException notMemory) {
            throw new InvalidValueException("expected bytes or a size such as 100mb or 1gb");
        }
    }

    /** The text as CONFIG SET takes it, checked here so that a wrong one stops start-up. */
    private static String outputBufferLimits(String text) throws InvalidValueException {
        try {
            new OutputBufferLimits().set(text);
        } catch (CommandError wrong) {
            throw new InvalidValueException(wrong.getMessage());
        }
        return text;
    }

    private static MaxmemoryPolicy policy(String text) throws InvalidValueException {
        MaxmemoryPolicy policy = MaxmemoryPolicy.find(text);
        if (policy == null) {
            throw new InvalidValueException("expected noeviction, allkeys-lru, allkeys-lfu, allkeys-random, "
                    + "volatile-lru, volatile-lfu, volatile-random or volatile-ttl");
        }
        return policy;
    }

}
