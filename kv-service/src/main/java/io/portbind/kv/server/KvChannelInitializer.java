package io.portbind.kv.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.portbind.kv.resp.RespRequestDecoder;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;

/** Builds the pipeline of one client connection: request decoder, then the connection's command runner. */
final class KvChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerState server;
    private final Dispatcher dispatcher;

    KvChannelInitializer(ServerState server, Dispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ClientConnection connection = new ClientConnection(server, dispatcher);
        channel.pipeline().addLast(new RespRequestDecoder(connection::authenticationRequired), connection);
    }
}
