package io.portbind.kv.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * The whole pipeline of a connection the server will not serve: as soon as it is active it gets one
 * error line and is closed, without a command being read, as Redis does when it accepts one.
 */
@ChannelHandler.Sharable
final class RefusedConnection extends ChannelInboundHandlerAdapter {

    private final byte[] reply;

    /** @param error the error reply without its {@code -} and line end, such as {@code ERR ...} */
    RefusedConnection(String error) {
        this.reply = ("-" + error + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)).addListener(ChannelFutureListener.CLOSE);
    }
}
