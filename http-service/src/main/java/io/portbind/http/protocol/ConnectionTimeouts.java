package io.portbind.http.protocol;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections that waste a slot: one idle between requests for longer than the idle timeout,
 * and one whose request has started but not fully arrived within the request timeout (a slow
 * sender, as in slowloris). That one is handed to the dispatcher as an {@link UnreadRequest} that
 * timed out, which it answers with 408 in turn before closing, and nothing more is read. Sits
 * before the HTTP decoder to see raw bytes. One timer per connection at a time; reads only record a
 * timestamp, so the hot path pays nothing.
 */
final class ConnectionTimeouts extends ChannelInboundHandlerAdapter {

    private final long idleNanos;
    private final long requestNanos;
    private ChannelHandlerContext ctx;
    private long lastReadAt;
    private long requestStartedAt;
    private boolean requestInProgress;
    private boolean streaming;
    /** The request in progress has been given up on; nothing more is read from this connection. */
    private boolean timedOut;
    private ScheduledFuture<?> check;

    ConnectionTimeouts(Duration idle, Duration request) {
        this.idleNanos = idle.toNanos();
        this.requestNanos = request.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        lastReadAt = System.nanoTime();
        schedule(idleNanos);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (timedOut) {
            ReferenceCountUtil.release(msg);
            return;
        }
        lastReadAt = System.nanoTime();
        if (!requestInProgress) {
            requestInProgress = true;
            requestStartedAt = lastReadAt;
            if (check != null && check.getDelay(TimeUnit.NANOSECONDS) > requestNanos) {
                check.cancel(false);
                schedule(requestNanos);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** A whole request has arrived: the slow-request clock stops until the next byte. */
    void requestReceived() {
        requestInProgress = false;
    }

    /** The connection now carries an event stream, which is quiet on the client's side by design. */
    void streamOpened() {
        streaming = true;
    }

    private void schedule(long delayNanos) {
        check = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (requestInProgress && now - requestStartedAt >= requestNanos) {
            timedOut = true;
            UnreadRequest late = new UnreadRequest();
            late.setDecoderResult(DecoderResult.failure(ReadTimeoutException.INSTANCE));
            ctx.fireChannelRead(late);
            ctx.fireChannelReadComplete();
            return;
        }
        if (!requestInProgress && !streaming && now - lastReadAt >= idleNanos) {
            ctx.close();
            return;
        }
        long idleLeft = streaming ? idleNanos : lastReadAt + idleNanos - now;
        long requestLeft = requestInProgress ? requestStartedAt + requestNanos - now : Long.MAX_VALUE;
        schedule(Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(idleLeft, requestLeft)));
    }
}
