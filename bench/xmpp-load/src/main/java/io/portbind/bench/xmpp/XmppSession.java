package io.portbind.bench.xmpp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import javax.security.sasl.SaslException;
import javax.xml.stream.XMLStreamException;

/**
 * One client connection: negotiates the stream as RFC 6120 orders it (STARTTLS, SASL, resource binding,
 * the legacy session if the server requires it), sends initial presence, completes {@code ready}, and
 * from then on hands received messages to its listener. Lives entirely on its channel's event loop.
 */
final class XmppSession extends ChannelInboundHandlerAdapter implements StanzaParser.Listener {

    /** What a logged-in session reports, on its event loop. */
    interface Listener {
        void onMessage(XmppSession session, XmlElement message);

        /** The end of one batch of reads: the moment to flush whatever the messages caused. */
        void onReadComplete(XmppSession session);
    }

    private enum State { OPENING, STARTTLS, HANDSHAKING, AUTHENTICATING, BINDING, STARTING_SESSION, READY, CLOSED }

    private final String domain;
    private final SaslClient sasl;
    private final SslContext sslContext;
    private final Promise<XmppSession> ready;
    private volatile Listener listener;
    private ChannelHandlerContext ctx;
    private StanzaParser parser;
    private State state = State.OPENING;
    private boolean secured;
    private boolean authenticated;
    /** Whether the server advertised a session that is not {@code <optional/>} (RFC 3921 clients' step). */
    private boolean requireSession;
    private String jid;

    XmppSession(String domain, SaslClient sasl, SslContext sslContext, Promise<XmppSession> ready) {
        this.domain = domain;
        this.sasl = sasl;
        this.sslContext = sslContext;
        this.ready = ready;
    }

    /** The full JID the server bound, known once {@code ready} completed. */
    String jid() {
        return jid;
    }

    EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    void listen(Listener messageListener) {
        this.listener = messageListener;
    }

    void write(ByteBuf stanza) {
        ctx.write(stanza, ctx.voidPromise());
    }

    void flush() {
        ctx.flush();
    }

    void writeAndFlush(ByteBuf stanza) {
        ctx.writeAndFlush(stanza, ctx.voidPromise());
    }

    /** Closes the stream politely and the connection with it; safe from any thread and more than once. */
    void close() {
        if (ctx.executor().inEventLoop()) {
            closeNow();
        } else {
            ctx.executor().execute(this::closeNow);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        openStream();
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            parser.feed(bytes.nioBuffer());
        } catch (XMLStreamException | RuntimeException e) {
            fail(e);
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        Listener current = listener;
        if (state == State.READY && current != null) {
            current.onReadComplete(this);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (state != State.CLOSED) {
            fail(new IOException("connection closed by the server while " + state));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        fail(cause);
    }

    @Override
    public void streamOpened() {
        // the header carries nothing we act on; the features that follow do
    }

    @Override
    public void streamClosed() {
        fail(new IOException("the server closed the stream while " + state));
    }

    @Override
    public void stanza(XmlElement element) {
        try {
            dispatch(element);
        } catch (SaslException | RuntimeException e) {
            fail(e);
        }
    }

    private void dispatch(XmlElement element) throws SaslException {
        if (element.is("error", Stanzas.STREAMS)) {
            String condition = element.children().isEmpty() ? "?" : element.children().get(0).name();
            throw new IllegalStateException("stream error <" + condition + "/> while " + state);
        }
        switch (state) {
            case OPENING -> negotiate(expect(element, "features", Stanzas.STREAMS));
            case STARTTLS -> startTls(expect(element, "proceed", Stanzas.TLS));
            case AUTHENTICATING -> authenticate(element);
            case BINDING -> {
                expectResult(element, Stanzas.BIND_ID);
                bound(element);
            }
            case STARTING_SESSION -> {
                expectResult(element, Stanzas.SESSION_ID);
                becomeReady();
            }
            case READY -> deliver(element);
            default -> throw new IllegalStateException("unexpected <" + element.name() + "/> while " + state);
        }
    }

    /** Each round of stream features asks for the next step: TLS first, then SASL, then binding. */
    private void negotiate(XmlElement features) {
        if (!secured) {
            if (features.child("starttls") == null) {
                throw new IllegalStateException("the server offers no STARTTLS");
            }
            state = State.STARTTLS;
            writeAndFlush(Stanzas.startTls());
        } else if (!authenticated) {
            requireMechanism(features.child("mechanisms"));
            state = State.AUTHENTICATING;
            writeAndFlush(Stanzas.auth(sasl.mechanism(), sasl.initialResponse()));
        } else {
            XmlElement session = features.child("session");
            requireSession = session != null && session.child("optional") == null;
            state = State.BINDING;
            writeAndFlush(Stanzas.bind());
        }
    }

    private void requireMechanism(XmlElement mechanisms) {
        if (mechanisms != null) {
            for (XmlElement mechanism : mechanisms.children()) {
                if (mechanism.text().trim().equals(sasl.mechanism())) {
                    return;
                }
            }
        }
        throw new IllegalStateException("the server does not offer SASL " + sasl.mechanism());
    }

    private void startTls(XmlElement proceed) {
        state = State.HANDSHAKING;
        parser.abandon();
        SslHandler tls = sslContext.newHandler(ctx.alloc(), domain, 0);
        ctx.pipeline().addFirst("tls", tls);
        tls.handshakeFuture().addListener(handshake -> {
            if (handshake.isSuccess()) {
                secured = true;
                openStream();
            } else {
                fail(handshake.cause());
            }
        });
    }

    private void authenticate(XmlElement element) throws SaslException {
        if (element.is("challenge", Stanzas.SASL)) {
            writeAndFlush(Stanzas.saslResponse(sasl.respond(Stanzas.decodeSasl(element.text()))));
        } else if (element.is("success", Stanzas.SASL)) {
            sasl.verifySuccess(Stanzas.decodeSasl(element.text()));
            authenticated = true;
            parser.abandon();
            openStream();
        } else {
            String condition = element.children().isEmpty() ? "?" : element.children().get(0).name();
            throw new IllegalStateException("SASL " + sasl.mechanism() + " failed: <" + condition + "/>");
        }
    }

    private void bound(XmlElement result) {
        XmlElement bind = result.child("bind");
        XmlElement boundJid = bind == null ? null : bind.child("jid");
        if (boundJid == null) {
            throw new IllegalStateException("bind result without a JID");
        }
        jid = boundJid.text().trim();
        if (requireSession) {
            state = State.STARTING_SESSION;
            writeAndFlush(Stanzas.session());
        } else {
            becomeReady();
        }
    }

    private void becomeReady() {
        state = State.READY;
        writeAndFlush(Stanzas.initialPresence());
        ready.trySuccess(this);
    }

    private void deliver(XmlElement element) {
        Listener current = listener;
        if (current != null && element.name().equals("message") && !"error".equals(element.attribute("type"))) {
            current.onMessage(this, element);
        }
    }

    private void openStream() {
        parser = new StanzaParser(this);
        state = State.OPENING;
        writeAndFlush(Stanzas.streamHeader(domain));
    }

    private static XmlElement expect(XmlElement element, String name, String namespace) {
        if (!element.is(name, namespace)) {
            throw new IllegalStateException("expected <" + name + "/>, got <" + element.name() + "/>");
        }
        return element;
    }

    private static void expectResult(XmlElement element, String id) {
        if (!element.name().equals("iq") || !id.equals(element.attribute("id"))
                || !"result".equals(element.attribute("type"))) {
            throw new IllegalStateException("expected the result of IQ '" + id + "', got <" + element.name()
                    + " type='" + element.attribute("type") + "'/>");
        }
    }

    private void closeNow() {
        if (state == State.CLOSED) {
            return;
        }
        boolean streamOpen = state == State.READY;
        state = State.CLOSED;
        if (streamOpen) {
            ctx.writeAndFlush(Stanzas.streamClose()).addListener(written -> ctx.close());
        } else {
            ctx.close();
        }
    }

    private void fail(Throwable cause) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        ready.tryFailure(cause);
        ctx.close();
    }
}
