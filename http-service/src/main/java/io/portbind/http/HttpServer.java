package io.portbind.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.portbind.common.config.Config;
import io.portbind.common.server.ServerApplication;

/** The http-service as the shared bootstrap sees it. */
public final class HttpServer implements ServerApplication {

    public HttpServer(Config config) {
    }

    @Override
    public ChannelHandler childHandler() {
        return new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                        new HelloHandler());
            }
        };
    }
}
