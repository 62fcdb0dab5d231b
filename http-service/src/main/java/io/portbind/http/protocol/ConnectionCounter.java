package io.portbind.http.protocol;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.portbind.http.metrics.Metrics;

/** Keeps the open-connections gauge; one instance serves every connection. */
@ChannelHandler.Sharable
final class ConnectionCounter extends ChannelInboundHandlerAdapter {

    private final Metrics metrics;

    ConnectionCounter(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        metrics.connectionOpened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        metrics.connectionClosed();
        ctx.fireChannelInactive();
    }
}
