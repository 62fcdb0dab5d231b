package io.portbind.chat;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.portbind.common.config.Config;
import io.portbind.common.server.ServerApplication;

/** The chat-service as the shared bootstrap sees it. */
public final class ChatServer implements ServerApplication {

    public ChatServer(Config config) {
    }

    @Override
    public ChannelHandler childHandler() {
        return new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new StreamOpeningHandler("localhost"));
            }
        };
    }
}
