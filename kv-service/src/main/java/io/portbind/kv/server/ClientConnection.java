package io.portbind.kv.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.portbind.kv.resp.ProtocolError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ReplyBarrier;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: runs each decoded request through the dispatcher. The replies to all the
 * requests of one read go into one buffer, written and flushed once when the read completes: one
 * buffer and one system call per batch of pipelined requests. While the session is parked by a
 * blocking command, later requests wait here in order and reading pauses. While an AOF is on (a
 * {@link ReplyBarrier}) a batch of replies is held, in order, until the AOF has been written (fsynced, with
 * {@code appendfsync always}) as far as it was when the batch was complete; a batch of reads that came after
 * no new write goes at once.
 */
public final class ClientConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ServerState server;
    private final Dispatcher dispatcher;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ChannelHandlerContext context;
    private Session session;
    private Call call;
    private OutputLimitGuard outputLimit;
    /** The replies of the current read batch, not yet written to the channel; null when there are none. */
    private ByteBuf replies;
    /** Batches of replies waiting for the AOF, oldest first, each with the position it waits for. */
    private final ArrayDeque<HeldReplies> held = new ArrayDeque<>();

    private record HeldReplies(ByteBuf replies, long position) {
    }

    public ClientConnection(ServerState server, Dispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
    }

    /** Whether the client has yet to authenticate (the decoder then applies tighter limits). */
    public boolean authenticationRequired() {
        return session != null && !session.isAuthenticated();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        session = new Session(server.nextClientId(), ctx.channel(), server.password().isEmpty(), this::resume);
        call = new Call(session, server);
        session.unparkedReplies(this::addReply);
        outputLimit = new OutputLimitGuard(server, session);
        session.outOfBandWritten(outputLimit::check);
        server.clients().put(session.id(), session);
        server.stats().connectionReceived();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        server.clients().remove(session.id());
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object request) {
        if (session.isParked() || !waiting.isEmpty()) {
            waiting.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        handle(request);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        writeReplies();
        ctx.flush();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (replies != null) {
            replies.release();
            replies = null;
        }
        while (!held.isEmpty()) {
            held.poll().replies().release();
        }
    }

    /**
     * A peer that resets its connection, or one written to after it closed, is an event of every minute: one debug
     * line. Anything else is unexpected and logged with its trace. Either way the connection closes.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("{}: {}", ctx.channel(), cause.toString());
        } else {
            LOG.warn("{}: closing after an unexpected error", ctx.channel(), cause);
        }
        ctx.close();
    }

    /** An unparked command's reply: it goes out with the replies of the requests that waited. */
    private void addReply(ByteBuf reply) {
        if (replies == null) {
            replies = reply;
            return;
        }
        replies.writeBytes(reply);
        reply.release();
    }

    private void handle(Object request) {
        if (session.isClosing()) {
            return;
        }
        if (replies == null) {
            replies = context.alloc().ioBuffer();
        }
        int start = replies.writerIndex();
        session.reply().target(replies);
        session.writeSent();
        if (request instanceof ProtocolError error) {
            session.reply().error(error.replyText());
            session.closeAfterReply();
        } else {
            dispatcher.dispatch(call, (byte[][]) request);
            if (session.dropsReply()) {
                // Bytes before the reader index went out already (a push to this very client, see Session.send).
                replies.writerIndex(Math.max(start, replies.readerIndex()));
            }
        }
        session.reply().target(null);
        if (session.isClosing()) {
            writeReplies();
            if (held.isEmpty()) {
                close();
            }
        }
    }

    private void writeReplies() {
        if (replies == null) {
            return;
        }
        ByteBuf batch = replies;
        replies = null;
        if (!batch.isReadable()) {
            batch.release();
            return;
        }
        ReplyBarrier barrier = server.replyBarrier();
        long position = barrier == null ? 0 : barrier.position();
        if (held.isEmpty() && (barrier == null || barrier.reached(position))) {
            context.write(batch, context.voidPromise());
            outputLimit.check();
            return;
        }
        held.add(new HeldReplies(batch, position));
        if (held.size() == 1) {
            awaitHeld(barrier);
        }
    }

    /** Once the AOF reaches the oldest held batch, sends every batch it covers, on the event loop. */
    private void awaitHeld(ReplyBarrier barrier) {
        barrier.whenReached(held.peek().position(), () -> context.executor().execute(() -> releaseHeld(barrier)));
    }

    private void releaseHeld(ReplyBarrier barrier) {
        while (!held.isEmpty() && barrier.reached(held.peek().position())) {
            context.write(held.poll().replies(), context.voidPromise());
        }
        outputLimit.check();
        context.flush();
        if (!held.isEmpty()) {
            awaitHeld(barrier);
        } else if (session.isClosing()) {
            close();
        }
    }

    private void close() {
        context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** On the event loop, after a parked session was woken: serve the requests that waited. */
    private void resume() {
        while (!waiting.isEmpty() && !session.isParked()) {
            handle(waiting.poll());
        }
        writeReplies();
        context.flush();
        if (!session.isParked()) {
            context.channel().config().setAutoRead(true);
        }
    }
}
