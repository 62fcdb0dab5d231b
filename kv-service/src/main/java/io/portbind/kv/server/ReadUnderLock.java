package io.portbind.kv.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.ServerState;

/**
 * Holds the keyspace lock while one read of a connection is decoded and its commands run, so that pipelined
 * requests take the lock once per read instead of once each: with two event loops, a lock taken and released
 * per command is handed back and forth, and each hand-over parks and wakes a thread. Redis, likewise, runs every
 * complete command in a client's query buffer before it turns to the next client. Each command still gets its
 * own clock and its own announcement of ready keys ({@link Keyspace#hold()}). While a script is busy (past
 * busy-reply-threshold, holding the lock) the read goes on without it, so that each command gets the dispatcher's
 * {@code -BUSY} answer or, SCRIPT KILL and the like, runs beside the script. The first handler of the pipeline.
 */
@Sharable
final class ReadUnderLock extends ChannelInboundHandlerAdapter {

    private final Keyspace keyspace;
    private final ServerState server;

    ReadUnderLock(ServerState server) {
        this.server = server;
        this.keyspace = server.keyspace();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean held = keyspace.holdUnless(() -> server.busyScript().busy());
        try {
            ctx.fireChannelRead(msg);
        } finally {
            if (held) {
                keyspace.release();
            }
        }
    }
}
