package io.portbind.kv.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.portbind.kv.keyspace.Keyspace;

/**
 * Holds the keyspace lock while one read of a connection is decoded and its commands run, so that pipelined
 * requests take the lock once per read instead of once each: with two event loops, a lock taken and released
 * per command is handed back and forth, and each hand-over parks and wakes a thread. Redis, likewise, runs every
 * complete command in a client's query buffer before it turns to the next client. Each command still gets its
 * own clock and its own announcement of ready keys ({@link Keyspace#hold()}). The first handler of the pipeline.
 */
@Sharable
final class ReadUnderLock extends ChannelInboundHandlerAdapter {

    private final Keyspace keyspace;

    ReadUnderLock(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        keyspace.hold();
        try {
            ctx.fireChannelRead(msg);
        } finally {
            keyspace.release();
        }
    }
}
