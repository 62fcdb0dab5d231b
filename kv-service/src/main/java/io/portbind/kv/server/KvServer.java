package io.portbind.kv.server;

import io.netty.channel.ChannelHandler;
import io.portbind.common.config.Config;
import io.portbind.common.server.ServerApplication;
import io.portbind.kv.aof.AofCommands;
import io.portbind.kv.aof.AofSettings;
import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.keyspace.ActiveExpiry;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;

/** The kv-service as the shared bootstrap sees it: one keyspace, one command table, active expiry. */
public final class KvServer implements ServerApplication {

    private final ServerState server;
    private final Dispatcher dispatcher;
    private final BlockedClients blockedClients;
    private final ActiveExpiry activeExpiry;
    private final ConnectionGate gate;
    private final AofCommands aof;

    public KvServer(Config config) {
        Keyspace keyspace = new Keyspace();
        this.server = new ServerState(keyspace, config.find(Main.REQUIREPASS).orElse(null));
        server.protectedMode(config.get(Main.PROTECTED_MODE));
        server.maxClients(config.get(Main.MAXCLIENTS));
        this.gate = new ConnectionGate(server);
        this.blockedClients = new BlockedClients(keyspace);
        // The RDB codec gives the AOF its loader for bases of type rdb here (null: such a base stops start-up).
        this.aof = new AofCommands(config.get(Main.DIR), config, null);
        this.dispatcher = new CommandRegistry(server).build(CommandFamilies.create(blockedClients, aof));
        aof.start(config.get(AofSettings.APPENDONLY));
        this.activeExpiry = new ActiveExpiry(keyspace);
        activeExpiry.start();
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
    public void stopRequestedBy(Runnable requestStop) {
        server.onShutdownRequest(requestStop);
    }

    @Override
    public void close() {
        activeExpiry.close();
        aof.close();
    }
}
