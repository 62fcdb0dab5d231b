package io.portbind.kv;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.portbind.kv.command.Call;
import io.portbind.kv.command.Dispatcher;
import io.portbind.kv.command.ServerState;
import io.portbind.kv.command.Session;
import io.portbind.kv.protocol.ProtocolError;
import java.util.ArrayDeque;

/**
 * One client connection: runs each decoded request through the dispatcher, writing its reply as it
 * goes, and flushes once per read batch. While the session is parked by a blocking command, later
 * requests wait here in order and reading pauses.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private final ServerState server;
    private final Dispatcher dispatcher;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ChannelHandlerContext context;
    private Session session;
    private Call call;

    ClientConnection(ServerState server, Dispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
    }

    /** Whether the client has yet to authenticate (the decoder then applies tighter limits). */
    boolean authenticationRequired() {
        return session != null && !session.isAuthenticated();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        session = new Session(server.nextClientId(), ctx.channel(), server.password().isEmpty(), this::resume);
        call = new Call(session, server);
        server.clients().put(session.id(), session);
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
        ctx.flush();
    }

    private void handle(Object request) {
        if (session.isClosing()) {
            return;
        }
        ByteBuf out = context.alloc().ioBuffer();
        session.reply().target(out);
        if (request instanceof ProtocolError error) {
            session.reply().error(error.replyText());
            session.closeAfterReply();
        } else {
            dispatcher.dispatch(call, (byte[][]) request);
        }
        session.reply().target(null);
        if (out.isReadable()) {
            context.write(out, context.voidPromise());
        } else {
            out.release();
        }
        if (session.isClosing()) {
            context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** On the event loop, after a parked session was woken: serve the requests that waited. */
    private void resume() {
        while (!waiting.isEmpty() && !session.isParked()) {
            handle(waiting.poll());
        }
        context.flush();
        if (!session.isParked()) {
            context.channel().config().setAutoRead(true);
        }
    }
}
