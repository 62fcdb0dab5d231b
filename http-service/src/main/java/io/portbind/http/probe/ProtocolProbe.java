package io.portbind.http.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.NoopAddressResolverGroup;
import io.portbind.common.server.Transport;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Checks a service by speaking the first words of its protocol over a fresh connection: sends a
 * greeting, reads until the reply decides, and times the round trip. Non-blocking, on an event loop,
 * bounded in time and in the bytes it reads. Addresses arrive resolved, so no DNS lookup blocks here.
 */
public final class ProtocolProbe {

    /** How a reply read so far is judged. */
    public enum Verdict { WAITING, UP, DOWN }

    /** Replies longer than this without a verdict count as not this protocol. */
    private static final int MAX_REPLY_CHARS = 8192;
    private static final int MAX_DETAIL_CHARS = 100;

    private final EventLoopGroup group;
    private final Duration timeout;

    public ProtocolProbe(EventLoopGroup group, Duration timeout) {
        this.group = group;
        this.timeout = timeout;
    }

    /**
     * @param greeting  what to send once connected
     * @param judge     decides from the text received so far
     * @param farewell  sent before closing after an answer, so the server sees a clean goodbye; may be empty
     */
    public CompletableFuture<ProbeResult> check(InetSocketAddress address, String greeting,
                                                Function<String, Verdict> judge, String farewell) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        new Bootstrap()
                .group(group)
                .channel(Transport.best().socketChannelType())
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new Exchange(greeting, judge, farewell, result))
                .connect(address)
                .addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        result.complete(ProbeResult.down(reason(connected.cause())));
                        return;
                    }
                    connected.channel().eventLoop().schedule(() -> {
                        if (result.complete(ProbeResult.down("no answer within " + timeout.toMillis() + " ms"))) {
                            connected.channel().close();
                        }
                    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
                });
        return result;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** One connection's conversation: greeting out, reply in until judged. */
    private static final class Exchange extends ChannelInboundHandlerAdapter {

        private final String greeting;
        private final Function<String, Verdict> judge;
        private final String farewell;
        private final CompletableFuture<ProbeResult> result;
        private final StringBuilder reply = new StringBuilder();
        private long sentAt;

        Exchange(String greeting, Function<String, Verdict> judge, String farewell,
                 CompletableFuture<ProbeResult> result) {
            this.greeting = greeting;
            this.judge = judge;
            this.farewell = farewell;
            this.result = result;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            sentAt = System.nanoTime();
            ctx.writeAndFlush(Unpooled.copiedBuffer(greeting, StandardCharsets.UTF_8));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            try {
                int room = MAX_REPLY_CHARS - reply.length();
                reply.append(bytes.toString(bytes.readerIndex(), Math.min(room, bytes.readableBytes()),
                        StandardCharsets.UTF_8));
            } finally {
                bytes.release();
            }
            Verdict verdict = judge.apply(reply.toString());
            if (verdict == Verdict.WAITING && reply.length() < MAX_REPLY_CHARS) {
                return;
            }
            long nanos = System.nanoTime() - sentAt;
            String firstLine = firstLine(reply);
            result.complete(verdict == Verdict.UP ? ProbeResult.up(nanos, firstLine) : ProbeResult.down(firstLine));
            if (verdict == Verdict.UP && !farewell.isEmpty()) {
                ctx.writeAndFlush(Unpooled.copiedBuffer(farewell, StandardCharsets.UTF_8))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.complete(ProbeResult.down(reply.length() == 0 ? "closed without answering" : firstLine(reply)));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.complete(ProbeResult.down(reason(cause)));
            ctx.close();
        }

        /** The reply's first line, shortened for a status page (an XMPP stream header is one long line). */
        private static String firstLine(StringBuilder text) {
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            return end <= MAX_DETAIL_CHARS ? text.substring(0, end) : text.substring(0, MAX_DETAIL_CHARS) + "…";
        }
    }
}
