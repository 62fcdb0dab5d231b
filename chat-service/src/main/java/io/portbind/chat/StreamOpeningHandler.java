package io.portbind.chat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Answers a client's opening stream header with the server's own header and its stream features. */
final class StreamOpeningHandler extends ChannelInboundHandlerAdapter {

    private final String domain;
    private final StringBuilder received = new StringBuilder();
    private boolean opened;

    StreamOpeningHandler(String domain) {
        this.domain = domain;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            received.append(((ByteBuf) msg).toString(StandardCharsets.UTF_8));
        } finally {
            ReferenceCountUtil.release(msg);
        }
        int open = received.indexOf("<stream:stream");
        if (!opened && open >= 0 && received.indexOf(">", open) > 0) {
            opened = true;
            String reply = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0' from='" + domain
                    + "' id='" + UUID.randomUUID() + "' xml:lang='en'>"
                    + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                    + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>";
            ctx.writeAndFlush(Unpooled.copiedBuffer(reply, StandardCharsets.UTF_8));
        }
    }
}
