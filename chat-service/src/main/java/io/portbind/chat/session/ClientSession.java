package io.portbind.chat.session;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.stream.StreamError;
import io.portbind.chat.xml.XmlElement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.slf4j.LoggerFactory;

/**
 * One client connection as the rest of the server sees it: its negotiation phase, its address once
 * bound, its presence, and a way to send it stanzas from any thread. Fields read by other
 * connections' event loops are volatile; the rest belong to the connection's own event loop.
 */
public final class ClientSession implements Resource {

    public static final String CLIENT_NAMESPACE = "jabber:client";

    private final Channel channel;
    private final StreamControl stream;
    private volatile Phase phase = Phase.CONNECTED;
    private volatile boolean secure;
    private volatile EntityBareJid user;
    private volatile EntityFullJid jid;
    private volatile XmlElement presence;
    private volatile int priority;
    private volatile boolean rosterRequested;
    private final Set<Jid> directedPresence = new HashSet<>();
    private final Runnable flush = this::flush;
    private boolean flushScheduled;
    private final AtomicInteger queuedWrites = new AtomicInteger();
    /** Bytes of the writes queued as tasks for the event loop, not yet handed to the channel. */
    private final AtomicLong queuedBytes = new AtomicLong();
    private final UnsentLimit unsentLimit;
    private volatile boolean overflowed;
    private int failedAuthentications;
    /** The last store work {@link #inOrder} started; belongs to the event loop. */
    private CompletableFuture<?> storeWork = CompletableFuture.completedFuture(null);

    public ClientSession(Channel channel, StreamControl stream, UnsentLimit unsentLimit) {
        this.channel = channel;
        this.stream = stream;
        this.unsentLimit = unsentLimit;
    }

    /** Sends a stanza; see {@link #write} for when it is flushed. */
    @Override
    public void send(XmlElement stanza) {
        write(stanza.toXml(CLIENT_NAMESPACE));
    }

    /**
     * Writes XML text, keeping the order in which any threads called this. From another thread the
     * write becomes a task on the session's event loop and is flushed at once. On the event loop it
     * is written directly, unless such tasks are still queued (then it queues behind them), and
     * flushed by a task that runs once the loop has handled the I/O at hand: all that one batch of
     * reads produces for this client leaves in one flush, one TLS record and one system call.
     * Past the {@link UnsentLimit} the client is disconnected and what is written to it afterwards dropped.
     */
    @Override
    public void write(String xml) {
        if (overflowed) {
            unsentLimit.dropped();
            return;
        }
        var bytes = ByteBufUtil.writeUtf8(channel.alloc(), xml);
        int size = bytes.readableBytes();
        long unsent = queuedBytes.get() + pendingOutbound();
        if (!unsentLimit.admits(unsent, size)) {
            bytes.release();
            overflowed = true;
            unsentLimit.exceeded(this, unsent);
            channel.close();
            return;
        }
        if (!channel.eventLoop().inEventLoop() || queuedWrites.get() > 0) {
            queuedWrites.incrementAndGet();
            queuedBytes.addAndGet(size);
            channel.eventLoop().execute(() -> {
                queuedWrites.decrementAndGet();
                queuedBytes.addAndGet(-size);
                channel.writeAndFlush(bytes, channel.voidPromise());
            });
            return;
        }
        channel.write(bytes, channel.voidPromise());
        if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(flush);
        }
    }

    /**
     * Runs {@code action} with the stage's value on this session's event loop: at once when the stage
     * is already complete there (the in-memory stores), else as a task. A failed stage ends the stream.
     */
    public <T> void onLoop(CompletionStage<T> stage, Consumer<T> action) {
        onLoop(stage, action, error -> {
            LoggerFactory.getLogger(ClientSession.class).warn("store operation failed: {}", error.toString());
            fail(StreamError.INTERNAL_SERVER_ERROR);
        });
    }

    /**
     * {@link #onLoop(CompletionStage, Consumer)} for store work that {@code request}, an IQ or a message, asked
     * for: when the store fails, that stanza is answered with {@code internal-server-error} of type {@code wait}
     * and the stream goes on, since the store's trouble is the server's, and passes (RFC 6120 8.3.3.8). An error
     * stanza is never answered (RFC 6120 8.3.1).
     */
    public <T> void onLoop(CompletionStage<T> stage, Consumer<T> action, XmlElement request) {
        onLoop(stage, action, error -> {
            LoggerFactory.getLogger(ClientSession.class).warn("store operation failed, {} answered with "
                    + "internal-server-error: {}", request.name(), error.toString());
            if (!"error".equals(request.attribute("type"))) {
                send(Stanzas.error(request, StanzaError.INTERNAL_SERVER_ERROR));
            }
        });
    }

    /** {@link #onLoop(CompletionStage, Consumer)}, with {@code onFailure} run on the event loop when the stage fails. */
    public <T> void onLoop(CompletionStage<T> stage, Consumer<T> action, Consumer<Throwable> onFailure) {
        stage.whenComplete((value, error) -> {
            if (channel.eventLoop().inEventLoop()) {
                complete(value, error, action, onFailure);
            } else {
                channel.eventLoop().execute(() -> complete(value, error, action, onFailure));
            }
        });
    }

    private static <T> void complete(T value, Throwable error, Consumer<T> action, Consumer<Throwable> onFailure) {
        if (error != null) {
            onFailure.accept(error);
        } else {
            action.accept(value);
        }
    }

    /**
     * Runs {@code work} once the store work of this session's earlier stanzas is done, so that what the client
     * sent in one order reaches the store in that order, whichever thread answers first. Call on the event loop;
     * {@code work} itself runs on whichever thread completed the work before it.
     */
    public <T> CompletionStage<T> inOrder(Supplier<CompletionStage<T>> work) {
        CompletableFuture<T> next = storeWork.handle((ignored, error) -> null)
                .thenCompose(ignored -> work.get()).toCompletableFuture();
        storeWork = next;
        return next;
    }

    /** Bytes written to the channel that the network has not taken yet; read from any thread. */
    private long pendingOutbound() {
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        return pending == null ? 0 : pending.totalPendingWriteBytes();
    }

    private void flush() {
        flushScheduled = false;
        channel.flush();
    }

    public StreamControl stream() {
        return stream;
    }

    public Channel channel() {
        return channel;
    }

    @Override
    public void fail(StreamError condition) {
        stream.fail(condition);
    }

    public Phase phase() {
        return phase;
    }

    public boolean isSecure() {
        return secure;
    }

    public void secured() {
        this.secure = true;
    }

    public void authenticated(EntityBareJid authenticatedUser) {
        this.user = authenticatedUser;
        this.phase = Phase.AUTHENTICATED;
    }

    public void bound(EntityFullJid fullJid) {
        this.jid = fullJid;
        this.phase = Phase.BOUND;
    }

    /** The authenticated user, or {@code null} before authentication. */
    public EntityBareJid user() {
        return user;
    }

    /** The bound full JID, or {@code null} before binding. */
    @Override
    public EntityFullJid jid() {
        return jid;
    }

    /** The last available presence the client broadcast, or {@code null} while it is unavailable. */
    public XmlElement presence() {
        return presence;
    }

    @Override
    public String presenceTo(Jid observer) {
        XmlElement current = presence;
        return current == null ? null : current.copy().attribute("to", observer.toString()).toXml(CLIENT_NAMESPACE);
    }

    @Override
    public boolean isAvailable() {
        return presence != null;
    }

    @Override
    public int priority() {
        return priority;
    }

    /** Records a broadcast presence: {@code null} for unavailable. */
    public void presence(XmlElement availablePresence, int newPriority) {
        this.priority = newPriority;
        this.presence = availablePresence;
    }

    /** Whether the client asked for its roster and so receives roster pushes (RFC 6121 section 2.1.6). */
    @Override
    public boolean isInterestedInRoster() {
        return rosterRequested;
    }

    public void rosterRequested() {
        this.rosterRequested = true;
    }

    /** Entities that got directed presence and must hear of unavailability (RFC 6121 section 4.6). */
    public Set<Jid> directedPresence() {
        return directedPresence;
    }

    public int failedAuthentication() {
        return ++failedAuthentications;
    }
}
