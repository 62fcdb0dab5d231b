package io.portbind.kv.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Runs decoded commands. Replies are written per command and flushed once per read batch. */
public final class CommandHandler extends SimpleChannelInboundHandler<List<byte[]>> {

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, List<byte[]> command) {
        String name = new String(command.get(0), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        switch (name) {
            case "ping" -> ctx.write(command.size() == 1 ? simple(ctx, "PONG") : bulk(ctx, command.get(1)));
            case "echo" -> ctx.write(command.size() == 2 ? bulk(ctx, command.get(1))
                    : error(ctx, "ERR wrong number of arguments for 'echo' command"));
            case "quit" -> ctx.writeAndFlush(simple(ctx, "OK")).addListener(ChannelFutureListener.CLOSE);
            default -> ctx.write(error(ctx, "ERR unknown command '" + name + "'"));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    private static ByteBuf simple(ChannelHandlerContext ctx, String text) {
        return ctx.alloc().buffer().writeBytes(("+" + text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static ByteBuf error(ChannelHandlerContext ctx, String text) {
        return ctx.alloc().buffer().writeBytes(("-" + text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static ByteBuf bulk(ChannelHandlerContext ctx, byte[] value) {
        ByteBuf buf = ctx.alloc().buffer();
        buf.writeBytes(("$" + value.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        return buf.writeBytes(value).writeBytes(new byte[] {'\r', '\n'});
    }
}
