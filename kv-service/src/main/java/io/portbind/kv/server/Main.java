package io.portbind.kv.server;

import io.portbind.common.config.InvalidValueException;
import io.portbind.common.config.Parsers;
import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.config.Setting;
import io.portbind.common.server.ServiceLauncher;
import io.portbind.kv.eviction.MaxmemoryPolicy;
import io.portbind.kv.eviction.MemoryValue;
import io.portbind.kv.table.ServerState;
import java.util.List;
import java.util.Locale;

/** {@code java -jar kv-service.jar}: a Redis-protocol key-value store on its own port. */
public final class Main {

    /** Redis's {@code requirepass}: when set, clients must AUTH with it before other commands. */
    public static final Setting<String> REQUIREPASS = Setting.of("--requirepass", List.of("KV_PASSWORD"), null,
            "Password clients must give to AUTH (as Redis's requirepass); none by default.", Parsers::nonEmpty);

    /** Redis's {@code protected-mode}: while no password is set, only loopback clients are accepted. */
    public static final Setting<Boolean> PROTECTED_MODE = Setting.of("--protected-mode", List.of("KV_PROTECTED_MODE"),
            "yes", "While no password is set, accept clients only from the loopback interface (yes or no).",
            Main::yesOrNo);

    /** Redis's {@code maxclients}: a connection beyond this many connected clients is refused. */
    public static final Setting<Integer> MAXCLIENTS = Setting.of("--maxclients", List.of("KV_MAXCLIENTS"),
            Long.toString(ServerState.DEFAULT_MAX_CLIENTS), "How many clients may be connected at once.",
            Parsers.positiveInt(Integer.MAX_VALUE));

    /** Redis's {@code maxmemory}: the estimate of the data's memory past which keys are evicted or writes refused. */
    public static final Setting<Long> MAXMEMORY = Setting.of("--maxmemory", List.of("KV_MAXMEMORY"), "0",
            "Memory limit for the data, in bytes or with a unit (100mb, 1gb); 0 means none.", Main::memory);

    /** Redis's {@code maxmemory-policy}: what happens when the data reaches maxmemory. */
    public static final Setting<MaxmemoryPolicy> MAXMEMORY_POLICY = Setting.of("--maxmemory-policy",
            List.of("KV_MAXMEMORY_POLICY"), "noeviction",
            "What to evict at maxmemory: noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, "
                    + "volatile-lfu, volatile-random or volatile-ttl.", Main::policy);

    public static final ServiceDescriptor SERVICE =
            ServiceDescriptor.of("kv-service", "RESP", "KV_PORT", 6379, REQUIREPASS, PROTECTED_MODE, MAXCLIENTS,
                    MAXMEMORY, MAXMEMORY_POLICY);

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, KvServer::new);
    }

    private static long memory(String text) throws InvalidValueException {
        try {
            return MemoryValue.parse(text);
        } catch (IllegalArgumentException notMemory) {
            throw new InvalidValueException("expected bytes or a size such as 100mb or 1gb");
        }
    }

    private static MaxmemoryPolicy policy(String text) throws InvalidValueException {
        MaxmemoryPolicy policy = MaxmemoryPolicy.find(text);
        if (policy == null) {
            throw new InvalidValueException("expected noeviction, allkeys-lru, allkeys-lfu, allkeys-random, "
                    + "volatile-lru, volatile-lfu, volatile-random or volatile-ttl");
        }
        return policy;
    }

    /** Redis spells a boolean parameter {@code yes} or {@code no} (any case), and accepts nothing else. */
    private static boolean yesOrNo(String text) throws InvalidValueException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes":
                return true;
            case "no":
                return false;
            default:
                throw new InvalidValueException("expected yes or no");
        }
    }
}
