package io.portbind.kv.table;

import io.portbind.kv.keyspace.Keyspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What all connections share: the keyspace, the password and the other settings that admit a connection
 * (protected mode, maxclients), the connected clients, the command dispatcher, the memory limit and the
 * configuration parameters that features add.
 */
public final class ServerState {

    /** Redis's default {@code maxclients}. */
    public static final long DEFAULT_MAX_CLIENTS = 10_000;

    private final Keyspace keyspace;
    private volatile String password;
    private volatile boolean protectedMode = true;
    private volatile long maxClients = DEFAULT_MAX_CLIENTS;
    private final OutputBufferLimits outputBufferLimits = new OutputBufferLimits();
    private final long startMillis = System.currentTimeMillis();
    private final String runId = randomHex();
    private final AtomicLong nextClientId = new AtomicLong();
    private final Map<Long, Session> clients = new ConcurrentHashMap<>();
    private final ServerStats stats = new ServerStats();
    private volatile Runnable shutdownRequest;
    private volatile Dispatcher dispatcher;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private volatile MemoryLimit memoryLimit = MemoryLimit.NONE;
    private volatile Persistence persistence = Persistence.NONE;
    private final Propagation propagation = new Propagation();
    private volatile ReplyBarrier replyBarrier;
    private volatile BusyScript busyScript = BusyScript.NONE;
    private final List<ConfigEntry> configEntries = new CopyOnWriteArrayList<>();
    private volatile InfoFields aofInfo = field -> field.accept("aof_enabled", 0);

    /** @param password the {@code requirepass} password, or null when clients need not authenticate */
    public ServerState(Keyspace keyspace, String password) {
        this.keyspace = keyspace;
        this.password = password;
        keyspace.addListener(propagation);
    }

    /** 40 hex digits, the same for the life of the process: Redis's run_id, and its replication id. */
    public String runId() {
        return runId;
    }

    /** Where the effects of commands go (the AOF), and the API bodies reach through {@link Call}. */
    public Propagation propagation() {
        return propagation;
    }

    /** What replies must wait for before they leave ({@code appendfsync always}), or null: they leave at once. */
    public ReplyBarrier replyBarrier() {
        return replyBarrier;
    }

    public void replyBarrier(ReplyBarrier barrier) {
        this.replyBarrier = barrier;
    }

    /** Parameters features add to CONFIG GET/SET, after the config feature's own. */
    public List<ConfigEntry> configEntries() {
        return configEntries;
    }

    /** The AOF's fields of INFO persistence ({@code aof_enabled}, ...); the AOF replaces them when it is set up. */
    public InfoFields aofInfo() {
        return aofInfo;
    }

    public void aofInfo(InfoFields fields) {
        this.aofInfo = fields;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    /** The password clients must give to AUTH, if one is configured. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** CONFIG SET requirepass: clients connecting from now on must AUTH with it; empty means none. */
    public void password(String value) {
        this.password = value.isEmpty() ? null : value;
    }

    /** Whether, while no password is set, only loopback clients are accepted (Redis's {@code protected-mode}). */
    public boolean protectedMode() {
        return protectedMode;
    }

    /** CONFIG SET protected-mode: applies to connections accepted from now on. */
    public void protectedMode(boolean value) {
        this.protectedMode = value;
    }

    /** How many clients may be connected at once; a connection beyond that is refused when accepted. */
    /** {@code client-output-buffer-limit}: how many unread reply bytes each class of client may leave. */
    public OutputBufferLimits outputBufferLimits() {
        return outputBufferLimits;
    }

    public long maxClients() {
        return maxClients;
    }

    /** CONFIG SET maxclients: clients already connected stay, even when there are more of them. */
    public void maxClients(long value) {
        this.maxClients = value;
    }

    /** What the dispatcher asks before each command whether memory allows it; the eviction feature sets it. */
    public Persistence persistence() {
        return persistence;
    }

    public void persistence(Persistence value) {
        this.persistence = value;
    }

    /** The script running past busy-reply-threshold, if any; {@link BusyScript#NONE} without scripting. */
    public BusyScript busyScript() {
        return busyScript;
    }

    public void busyScript(BusyScript script) {
        this.busyScript = script;
    }

    public MemoryLimit memoryLimit() {
        return memoryLimit;
    }

    public void memoryLimit(MemoryLimit limit) {
        this.memoryLimit = limit;
    }

    public long startMillis() {
        return startMillis;
    }

    public long nextClientId() {
        return nextClientId.incrementAndGet();
    }

    /** Connected clients by id (CLIENT LIST, CLIENT KILL, INFO clients). */
    public Map<Long, Session> clients() {
        return clients;
    }

    public ServerStats stats() {
        return stats;
    }

    /** CONFIG RESETSTAT: zeroes the server's, the keyspace's and every command's counters. Under the lock. */
    public void resetStats() {
        stats.reset();
        keyspace.stats().reset();
        for (CommandSpec spec : commands().all()) {
            spec.stats().reset();
            spec.subcommands().values().forEach(sub -> sub.stats().reset());
        }
    }

    /** How SHUTDOWN asks the process to stop; set by whoever runs the server (none in-process). */
    public void onShutdownRequest(Runnable request) {
        this.shutdownRequest = request;
    }

    /** Asks for a graceful stop of the process; false when nothing can stop it (an in-process server). */
    public boolean requestShutdown() {
        Runnable request = shutdownRequest;
        if (request == null) {
            return false;
        }
        request.run();
        return true;
    }

    /**
     * Makes {@code service} the one server-wide {@code type} (the snapshots, the AOF) that features other than its
     * own reach through here, so the layers need not know the features: INFO reads the snapshots' state this way.
     */
    public <T> void provide(Class<T> type, T service) {
        services.put(type, service);
    }

    /** The service provided for {@code type}; an error when the server was built without it. */
    public <T> T service(Class<T> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " in this server");
        }
        return type.cast(service);
    }

    /** The service provided for {@code type}, or null when the server was built without it. */
    public <T> T findService(Class<T> type) {
        return type.cast(services.get(type));
    }

    public CommandTable commands() {
        return dispatcher.table();
    }

    /** The dispatcher, for commands that run other commands (EXEC). */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    void dispatcher(Dispatcher built) {
        this.dispatcher = built;
    }

    private static String randomHex() {
        StringBuilder hex = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (hex.length() < 40) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
