package io.portbind.chat.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.portbind.chat.Host;
import io.portbind.chat.feature.PingFeature;
import io.portbind.chat.negotiation.StartTlsFeature;
import io.portbind.chat.negotiation.StreamFeature;
import io.portbind.chat.routing.StanzaRouter;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Phase;
import io.portbind.chat.session.StreamControl;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.stream.StreamError;
import io.portbind.chat.stream.StreamEvents;
import io.portbind.chat.stream.StreamException;
import io.portbind.chat.stream.StreamHeader;
import io.portbind.chat.stream.StreamLimits;
import io.portbind.chat.stream.XmlStreamParser;
import io.portbind.chat.xml.XmlElement;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's XML stream: feeds bytes to the parser, answers stream headers with the server's
 * header and the features that apply now, hands negotiation elements to the feature that accepts
 * them and, once a resource is bound, stanzas to the router. Ends the stream with the right stream
 * error on bad input, idleness or shutdown, and with its own close when the client closes.
 */
public final class XmppStreamHandler extends ChannelInboundHandlerAdapter implements StreamEvents, StreamControl {

    private static final Logger LOG = LoggerFactory.getLogger(XmppStreamHandler.class);
    private static final SecureRandom STREAM_IDS = new SecureRandom();
    /** 128 bits: as much as a random UUID, so ids neither repeat nor can be guessed (RFC 6120 section 4.7.3). */
    private static final int STREAM_ID_BYTES = 16;

    private final Host host;
    private final List<StreamFeature> features;
    private final StanzaRouter router;
    private final ConnectionLimits limits;
    private ChannelHandlerContext ctx;
    private ClientSession session;
    private XmlStreamParser parser;
    private boolean headerSent;
    private boolean closing;

    public XmppStreamHandler(Host host, List<StreamFeature> features, StanzaRouter router, ConnectionLimits limits) {
        this.host = host;
        this.features = features;
        this.router = router;
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.session = new ClientSession(context.channel(), this, limits.unsent());
        this.parser = new XmlStreamParser(host.limits().unauthenticated());
        context.executor().schedule(this::negotiationTimedOut, limits.negotiationTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A stranger who has not authenticated in time is let go: an idle unauthenticated stream costs a socket. */
    private void negotiationTimedOut() {
        if (session.phase() == Phase.CONNECTED) {
            fail(StreamError.CONNECTION_TIMEOUT);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (!closing) {
                parser.feed(bytes, this);
            }
        } catch (StreamException e) {
            LOG.debug("{}: {} ({})", context.channel(), e.condition().condition(), e.getMessage());
            fail(e.condition());
        } catch (RuntimeException e) {
            LOG.warn("{}: ending stream after an internal error", context.channel(), e);
            fail(StreamError.INTERNAL_SERVER_ERROR);
        } finally {
            bytes.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle) {
            idle(idle);
        } else if (event == ShutdownEvent.INSTANCE) {
            fail(StreamError.SYSTEM_SHUTDOWN);
        } else if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                session.secured();
            } else {
                LOG.debug("{}: TLS handshake failed: {}", context.channel(), handshake.cause().toString());
                context.close();
            }
        } else {
            super.userEventTriggered(context, event);
        }
    }

    /**
     * The client sent nothing for the idle timeout. A bound client is pinged first, since clients such as
     * Smack send their own pings only every half hour: its answer, or anything else it sends, keeps the stream.
     * Another silent period after the ping, or silence on a stream that never bound a resource, ends it.
     */
    private void idle(IdleStateEvent idle) {
        if (idle.isFirst() && session.phase() == Phase.BOUND) {
            session.send(PingFeature.request(host.domain(), session.jid()));
        } else {
            fail(StreamError.CONNECTION_TIMEOUT);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        parser.stop();
        if (session.phase() == Phase.BOUND) {
            router.disconnected(session);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("{}: closing after {}", context.channel(), cause.toString());
        context.close();
    }

    @Override
    public void streamOpened(StreamHeader header) throws StreamException {
        if (!"stream".equals(header.name()) || !StreamWriter.STREAMS_NAMESPACE.equals(header.namespace())
                || !Stanzas.CLIENT.equals(header.contentNamespace())) {
            throw new StreamException(StreamError.INVALID_NAMESPACE, "not a client stream header");
        }
        write(header(clientJid(header)));
        String to = header.attribute("to");
        if (to != null && !to.equalsIgnoreCase(host.domain().toString())) {
            throw new StreamException(StreamError.HOST_UNKNOWN, "stream to " + to);
        }
        String version = header.attribute("version");
        if (version == null || !version.startsWith("1.")) {
            throw new StreamException(StreamError.UNSUPPORTED_VERSION, "version " + version);
        }
        XmlElement container = XmlElement.of("features", StreamWriter.STREAMS_NAMESPACE);
        for (StreamFeature feature : features) {
            feature.advertise(session, container);
        }
        write(StreamWriter.features(container));
    }

    /** The server's header, with a new stream id from a strong random source: ids must be unpredictable. */
    private String header(String clientJid) {
        headerSent = true;
        byte[] id = new byte[STREAM_ID_BYTES];
        STREAM_IDS.nextBytes(id);
        return StreamWriter.header(HexFormat.of().formatHex(id), host.domain().toString(), clientJid);
    }

    /** The client's {@code from}, named back as {@code to} (RFC 6120 section 4.7.2), or {@code null} if not a JID. */
    private static String clientJid(StreamHeader header) {
        String from = header.attribute("from");
        if (from == null) {
            return null;
        }
        try {
            return JidCreate.from(from).toString();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void element(XmlElement element) throws StreamException {
        for (StreamFeature feature : features) {
            if (feature.accepts(session, element)) {
                feature.handle(session, element);
                return;
            }
        }
        if (session.phase() != Phase.BOUND) {
            throw new StreamException(StreamError.NOT_AUTHORIZED, element.name() + " before authentication");
        }
        if (!router.route(session, element)) {
            throw new StreamException(StreamError.UNSUPPORTED_STANZA_TYPE, element.name());
        }
    }

    @Override
    public void streamClosed() {
        closing = true;
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), StreamWriter.CLOSE))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void restart() {
        parser.stop();
        parser = new XmlStreamParser(limits());
        headerSent = false;
    }

    /** A stranger's stream gets the smaller stanza limit; an authenticated one the configured limits. */
    private StreamLimits limits() {
        return session.phase() == Phase.CONNECTED ? host.limits().unauthenticated() : host.limits();
    }

    @Override
    public void startTls() {
        SslHandler tls = new SslHandler(host.tls().context().newEngine(ctx.alloc()), true);
        ctx.pipeline().addFirst("tls", tls);
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), "<proceed xmlns='" + StartTlsFeature.NAMESPACE + "'/>"));
        restart();
    }

    @Override
    public void fail(StreamError condition) {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> fail(condition));
            return;
        }
        if (closing) {
            return;
        }
        closing = true;
        parser.stop();
        String header = headerSent ? "" : header(null);
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), header + StreamWriter.error(condition)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void write(String xml) {
        session.write(xml);
    }
}
