package io.portbind.kv;

import io.netty.channel.ChannelHandler;
import io.portbind.common.config.Config;
import io.portbind.common.server.ServerApplication;
import io.portbind.kv.command.CommandFamilies;
import io.portbind.kv.command.CommandRegistry;
import io.portbind.kv.command.Dispatcher;
import io.portbind.kv.command.ServerState;
import io.portbind.kv.store.ActiveExpiry;
import io.portbind.kv.store.Keyspace;

/** The kv-service as the shared bootstrap sees it: one keyspace, one command table, active expiry. */
public final class KvServer implements ServerApplication {

    private final ServerState server;
    private final Dispatcher dispatcher;
    private final ActiveExpiry activeExpiry;

    public KvServer(Config config) {
        Keyspace keyspace = new Keyspace();
        this.server = new ServerState(keyspace, config.find(Main.REQUIREPASS).orElse(null));
        this.dispatcher = new CommandRegistry(server).build(CommandFamilies.create());
        this.activeExpiry = new ActiveExpiry(keyspace);
        activeExpiry.start();
    }

    /** The shared server state, for in-process tests that look inside (blocked clients, sessions). */
    ServerState state() {
        return server;
    }

    @Override
    public ChannelHandler childHandler() {
        return new KvChannelInitializer(server, dispatcher);
    }

    @Override
    public void close() {
        activeExpiry.close();
    }
}
