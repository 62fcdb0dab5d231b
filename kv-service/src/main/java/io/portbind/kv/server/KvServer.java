package io.portbind.kv.server;

import io.netty.channel.ChannelHandler;
import io.portbind.common.config.Config;
import io.portbind.common.server.ServerApplication;
import io.portbind.common.server.StartupException;
import io.portbind.kv.aof.AofCommands;
import io.portbind.kv.aof.AofSettings;
import io.portbind.kv.aof.AppendOnlyFile;
import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.config.ProtectedConfigs;
import io.portbind.kv.eviction.EvictionSettings;
import io.portbind.kv.keyspace.ActiveExpiry;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.rdb.RdbAofBase;
import io.portbind.kv.rdb.RdbSnapshotFormat;
import io.portbind.kv.snapshot.SnapshotFormat;
import io.portbind.kv.snapshot.SnapshotLoader;
import io.portbind.kv.snapshot.SignalledStop;
import io.portbind.kv.snapshot.Snapshots;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.Persistence;
import io.portbind.kv.table.ServerState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystemException;

/**
 * The kv-service as the shared bootstrap sees it: one keyspace, one command table, active expiry, snapshots.
 * Start-up loads {@code dir/dbfilename} before the port is bound; a clean stop saves as Redis does.
 */
public final class KvServer implements ServerApplication {

    /** The format of dump.rdb: Redis 7.0's RDB, so that redis-server and kv-service read each other's files. */
    public static final SnapshotFormat SNAPSHOT_FORMAT = new RdbSnapshotFormat();

    private final ServerState server;
    private final Dispatcher dispatcher;
    private final BlockedClients blockedClients;
    private final ActiveExpiry activeExpiry;
    private final ConnectionGate gate;
    private final Snapshots snapshots;
    private volatile boolean serving;
    private final AofCommands aof;

    public KvServer(Config config) {
        this(config, SNAPSHOT_FORMAT);
    }

    /** A server whose snapshots are in {@code format}: a test double, for tests that must hold a save midway. */
    public KvServer(Config config, SnapshotFormat format) {
        Keyspace keyspace = new Keyspace();
        this.server = new ServerState(keyspace, config.find(Main.REQUIREPASS).orElse(null));
        server.protectedMode(config.get(Main.PROTECTED_MODE));
        server.maxClients(config.get(Main.MAXCLIENTS));
        server.outputBufferLimits().set(config.get(Main.CLIENT_OUTPUT_BUFFER_LIMIT));
        server.provide(ProtectedConfigs.class, config.get(Main.ENABLE_PROTECTED_CONFIGS));
        this.snapshots = new Snapshots(keyspace, format, config.get(Main.DIR), config.get(Main.DBFILENAME),
                config.get(Main.SAVE));
        snapshots.stopWritesOnError(config.get(Main.STOP_WRITES_ON_BGSAVE_ERROR));
        server.provide(Snapshots.class, snapshots);
        this.gate = new ConnectionGate(server);
        this.blockedClients = new BlockedClients(keyspace);
        EvictionSettings eviction = new EvictionSettings(config.get(Main.MAXMEMORY), config.get(Main.MAXMEMORY_POLICY));
        this.aof = new AofCommands(config.get(Main.DIR), config, new RdbAofBase(keyspace));
        this.dispatcher = new CommandRegistry(server).build(CommandFamilies.create(blockedClients, eviction, aof));
        server.persistence(persistence(snapshots, aof.appendOnlyFile()));
        boolean appendOnly = config.get(AofSettings.APPENDONLY);
        if (!appendOnly) {
            load(keyspace, format); // with the AOF on, Redis loads the AOF alone, even when dump.rdb exists
        }
        aof.start(appendOnly);
        this.activeExpiry = new ActiveExpiry(keyspace);
        activeExpiry.start();
        snapshots.start();
    }

    /** Writes are refused for a failed background save first, then for a failed AOF write, as in Redis. */
    private static Persistence persistence(Snapshots snapshots, AppendOnlyFile appendOnlyFile) {
        return new Persistence() {
            @Override
            public String diskError() {
                String error = snapshots.diskError();
                return error != null ? error : appendOnlyFile.diskError();
            }

            @Override
            public void allFlushed() {
                snapshots.saveAfterFlushAll();
            }
        };
    }

    /** Loads the snapshot file; a damaged or unreadable one is one line and exit status 1, and nothing is saved. */
    private void load(Keyspace keyspace, SnapshotFormat format) {
        try {
            SnapshotLoader.load(keyspace, snapshots, format);
        } catch (IOException e) {
            snapshots.finalSave(Snapshots.FinalSave.NEVER);
            snapshots.close();
            String problem = e instanceof FileSystemException unreadable
                    ? "cannot read " + snapshots.file() + ": " + (unreadable.getReason() != null
                            ? unreadable.getReason() : unreadable.getClass().getSimpleName())
                    : "cannot load " + e.getMessage();
            throw new StartupException(problem);
        }
    }

    /** The shared server state, for in-process tests that look inside (blocked clients, sessions). */
    public ServerState state() {
        return server;
    }

    /** The clients parked by blocking commands, for in-process tests. */
    public BlockedClients blockedClients() {
        return blockedClients;
    }

    @Override
    public ChannelHandler childHandler() {
        return new KvChannelInitializer(server, dispatcher, gate);
    }

    @Override
    public void bound(InetSocketAddress address) {
        serving = true;
    }

    @Override
    public void stopRequestedBy(Runnable requestStop) {
        server.onShutdownRequest(requestStop);
    }

    /** SIGTERM: stops once the final save worked, and keeps serving when it failed, as Redis does. */
    @Override
    public void terminationRequested(Runnable stop) {
        SignalledStop.request(server.keyspace(), snapshots, stop);
    }

    /** After the last command: the final save (SIGTERM, SHUTDOWN), unless the server never served (no bind). */
    @Override
    public void close() {
        activeExpiry.close();
        if (!serving) {
            snapshots.finalSave(Snapshots.FinalSave.NEVER);
        }
        snapshots.close();
        aof.close();
    }
}
