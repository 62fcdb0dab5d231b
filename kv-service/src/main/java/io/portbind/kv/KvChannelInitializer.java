package io.portbind.kv;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.portbind.kv.protocol.CommandHandler;
import io.portbind.kv.protocol.RespCommandDecoder;

/** Builds the pipeline of one client connection. */
final class KvChannelInitializer extends ChannelInitializer<SocketChannel> {

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast(new RespCommandDecoder(), new CommandHandler());
    }
}
