package io.portbind.kv.command;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.store.Keyspace;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What all connections share: the keyspace, the password, the connected clients, the command dispatcher. */
public final class ServerState {

    private final Keyspace keyspace;
    private final String password;
    private final long startMillis = System.currentTimeMillis();
    private final AtomicLong nextClientId = new AtomicLong();
    private final Map<Long, Session> clients = new ConcurrentHashMap<>();
    private final BlockedClients blockedClients;
    private volatile Dispatcher dispatcher;

    /** @param password the {@code requirepass} password, or null when clients need not authenticate */
    public ServerState(Keyspace keyspace, String password) {
        this.keyspace = keyspace;
        this.password = password;
        this.blockedClients = new BlockedClients(keyspace);
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    /** The password clients must give to AUTH, if one is configured. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
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

    /** The clients parked by blocking commands (BLPOP, BZPOPMIN, ...), shared by every type's family. */
    public BlockedClients blockedClients() {
        return blockedClients;
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
}
