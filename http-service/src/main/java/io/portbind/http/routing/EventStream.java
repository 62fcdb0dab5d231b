package io.portbind.http.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;

/**
 * An open Server-Sent Events response. Events may be sent from any thread; Netty hands the write
 * to the connection's event loop. Events are skipped while the client is not keeping up, so one
 * that stops reading holds no more than the connection's write buffer.
 */
public final class EventStream {

    private final Channel channel;

    public EventStream(Channel channel) {
        this.channel = channel;
    }

    /**
     * Sends one event; {@code data} must be a single line (JSON is). Skipped while the connection is
     * not writable, its buffer above the high-water mark: each status event supersedes the last, so
     * a client that catches up has lost nothing it still needs.
     */
    public void send(String event, String data) {
        if (!channel.isActive() || !channel.isWritable()) {
            return;
        }
        ByteBuf frame = ByteBufUtil.writeUtf8(channel.alloc(), "event: " + event + "\ndata: " + data + "\n\n");
        channel.writeAndFlush(new DefaultHttpContent(frame), channel.voidPromise());
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Runs {@code action} once the client has gone. */
    public void onClose(Runnable action) {
        channel.closeFuture().addListener(future -> action.run());
    }
}
