package io.portbind.kv.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.portbind.kv.resp.RespRequestDecoder;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;

/**
 * Builds the pipeline of one client connection: the keyspace lock held for each read, the request decoder, then
 * the connection's command runner; or, for a connection the gate refuses, the refusal alone, with reading off.
 */
final class KvChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerState server;
    private final Dispatcher dispatcher;
    private final ConnectionGate gate;
    private final ReadUnderLock readUnderLock;

    KvChannelInitializer(ServerState server, Dispatcher dispatcher, ConnectionGate gate) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.gate = gate;
        this.readUnderLock = new ReadUnderLock(server);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        RefusedConnection refused = gate.admit(channel);
        if (refused != null) {
            channel.config().setAutoRead(false);
            channel.pipeline().addLast(refused);
            return;
        }
        ClientConnection connection = new ClientConnection(server, dispatcher);
        channel.pipeline().addLast(readUnderLock, new RespRequestDecoder(connection::authenticationRequired),
                connection);
    }
}
