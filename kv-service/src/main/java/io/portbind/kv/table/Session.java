package io.portbind.kv.table;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.portbind.kv.resp.Reply;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The state of one client connection that commands read and change: protocol version, selected
 * database, authentication, names, and whether it is parked (a blocking command waiting for data).
 * Fields are touched by the connection's event loop, or by other threads holding the keyspace lock.
 */
public final class Session {

    private final long id;
    private final Channel channel;
    private final Reply reply = new Reply();
    private final Runnable resumeProcessing;
    private final long createdMillis = System.currentTimeMillis();
    private volatile boolean authenticated;
    private volatile boolean parked;
    private volatile boolean closing;
    private int db;
    private String name = "";
    private String libraryName = "";
    private String libraryVersion = "";
    private Transaction transaction;
    private boolean inTransaction;
    private int subscriptionCount;
    private ReplyMode replyMode = ReplyMode.ON;
    private final Queue<ByteBuf> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushSent;
    private Consumer<ByteBuf> unparkedReplies;
    private Runnable outOfBandWritten = () -> { };

    /** CLIENT REPLY: whether command replies reach the client (pub/sub messages always do). */
    public enum ReplyMode {
        ON,
        OFF,
        /** CLIENT REPLY SKIP was just called: its own reply and the next command's are dropped. */
        SKIP_NEXT,
        /** The reply of the command being executed is dropped, then replies are ON again. */
        SKIP
    }
    private CommandSpec lastCommand;
    private long lastCommandMillis = createdMillis;
    private volatile boolean noEvict;
    private volatile boolean noTouch;
    /** Replaying the AOF: what the file says is obeyed, as Redis's mustObeyClient (see {@link #obeys()}). */
    private boolean obeys;

    /**
     * @param resumeProcessing run on the event loop when a parked session is woken: continues with the
     *                         requests that arrived meanwhile
     */
    public Session(long id, Channel channel, boolean authenticated, Runnable resumeProcessing) {
        this.id = id;
        this.channel = channel;
        this.authenticated = authenticated;
        this.resumeProcessing = resumeProcessing;
        this.unparkedReplies = channel::write;
    }

    public long id() {
        return id;
    }

    /**
     * Whether this session replays the AOF, whose commands are obeyed without the limits set for clients (Redis's
     * {@code mustObeyClient}): an XADD or XTRIM written with {@code =} and a LIMIT is trimmed in full.
     */
    public boolean obeys() {
        return obeys;
    }

    public void obey() {
        obeys = true;
    }

    public Channel channel() {
        return channel;
    }

    /** The reply writer of this connection; its protocol version is the session's. */
    public Reply reply() {
        return reply;
    }

    public int protocol() {
        return reply.protocol();
    }

    public void protocol(int version) {
        reply.protocol(version);
    }

    public int db() {
        return db;
    }

    public void db(int index) {
        this.db = index;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    public void authenticated(boolean value) {
        this.authenticated = value;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    public String libraryName() {
        return libraryName;
    }

    public void libraryName(String value) {
        this.libraryName = value;
    }

    public String libraryVersion() {
        return libraryVersion;
    }

    public void libraryVersion(String value) {
        this.libraryVersion = value;
    }

    /** The open MULTI block (commands queued for EXEC), or null when the client is not in MULTI. */
    public Transaction transaction() {
        return transaction;
    }

    public void transaction(Transaction value) {
        this.transaction = value;
    }

    /** Whether EXEC is running this client's queued commands: blocking commands must then not block. */
    public boolean inTransaction() {
        return inTransaction;
    }

    public void setInTransaction(boolean value) {
        this.inTransaction = value;
    }

    /** Channels plus patterns this client is subscribed to; above zero, RESP2 clients are in subscribed mode. */
    public int subscriptionCount() {
        return subscriptionCount;
    }

    public void subscriptionCount(int value) {
        this.subscriptionCount = value;
    }

    /** RESP2 subscribed mode: the connection carries pushed messages, so only SUBSCRIBED_CONTEXT commands run. */
    public boolean inSubscribedContext() {
        return subscriptionCount > 0 && reply.protocol() == 2;
    }

    public void replyMode(ReplyMode mode) {
        this.replyMode = mode;
    }

    /** Called after each command: whether its reply must be dropped (CLIENT REPLY OFF or SKIP). */
    public boolean dropsReply() {
        return switch (replyMode) {
            case ON -> false;
            case OFF -> true;
            case SKIP_NEXT -> {
                replyMode = ReplyMode.SKIP;
                yield true;
            }
            case SKIP -> {
                replyMode = ReplyMode.ON;
                yield true;
            }
        };
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** Records the command this client is running, for CLIENT LIST's {@code cmd} and {@code idle}. */
    void commandStarted(CommandSpec spec, long nowMillis) {
        this.lastCommand = spec;
        this.lastCommandMillis = nowMillis;
    }

    /** The command this client ran last (or is running), or null. Read under the keyspace lock. */
    public CommandSpec lastCommand() {
        return lastCommand;
    }

    /** When this client last ran a command (or connected), in Unix milliseconds. Read under the keyspace lock. */
    public long lastCommandMillis() {
        return lastCommandMillis;
    }

    /** CLIENT NO-EVICT: shown as flag {@code e}; clients are never evicted here (no maxmemory-clients). */
    public boolean noEvict() {
        return noEvict;
    }

    public void noEvict(boolean value) {
        this.noEvict = value;
    }

    /** CLIENT NO-TOUCH: shown as flag {@code T}; this client's commands leave the keys' LRU/LFU stamps (but TOUCH). */
    public boolean noTouch() {
        return noTouch;
    }

    public void noTouch(boolean value) {
        this.noTouch = value;
    }

    /** Closes the connection once the current reply is flushed (QUIT, protocol errors, CLIENT KILL). */
    public void closeAfterReply() {
        this.closing = true;
    }

    public boolean isClosing() {
        return closing;
    }

    /**
     * Parks the session: the current command writes no reply now, and later requests of this client
     * wait (unread) until {@link #unpark} is called. For blocking commands such as BLPOP.
     */
    public void park() {
        this.parked = true;
    }

    public boolean isParked() {
        return parked;
    }

    /**
     * Wakes a parked session with its reply. Call with the keyspace lock held: {@code writer} runs
     * immediately (so the reply reflects the keyspace atomically); the bytes are sent on the session's
     * event loop, which then continues with the requests that queued up meanwhile.
     */
    public void unpark(Consumer<Reply> writer) {
        ByteBuf bytes = encode(writer);
        channel.eventLoop().execute(() -> {
            parked = false;
            unparkedReplies.accept(bytes);
            resumeProcessing.run();
        });
    }

    /**
     * Where the reply of an unparked command goes, on the event loop, before the waiting requests run: by
     * default straight to the channel; the connection takes it instead when replies may have to wait for the
     * AOF ({@link ReplyBarrier}).
     */
    public void unparkedReplies(Consumer<ByteBuf> destination) {
        this.unparkedReplies = destination;
    }

    /**
     * Sends an out-of-band message (a pub/sub push); {@code writer} runs on the calling thread. Messages
     * from any threads queue up in order and go out with one flush per burst on the session's event loop;
     * on that event loop itself they are written at once, before the reply of the command being run.
     */
    public void send(Consumer<Reply> writer) {
        outbox.add(encode(writer));
        if (channel.eventLoop().inEventLoop()) {
            writeOutbox();
        }
        if (flushScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(flushTask);
        }
    }

    /**
     * On the event loop, before a command of this client runs: writes the messages other threads published to it
     * so far, so that they reach it before the command's reply, as from a single-threaded Redis (a keyspace event
     * fired just before this client's PING arrives before the pong).
     */
    public void writeSent() {
        writeOutbox();
    }

    private void flushSent() {
        flushScheduled.set(false);
        writeOutbox();
        channel.flush();
    }

    /** Run on the event loop after out-of-band messages were written: the connection checks its output limit. */
    public void outOfBandWritten(Runnable check) {
        this.outOfBandWritten = check;
    }

    /** Reply bytes written to the connection that the client has not read yet; any thread may ask. */
    public long pendingOutputBytes() {
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        return pending == null ? 0 : pending.totalPendingWriteBytes();
    }

    /** The class whose {@code client-output-buffer-limit} applies to this client now. */
    public ClientClass clientClass() {
        return subscriptionCount > 0 ? ClientClass.PUBSUB : ClientClass.NORMAL;
    }

    private void writeOutbox() {
        ByteBuf message;
        boolean written = false;
        while ((message = outbox.poll()) != null) {
            if (!channel.isActive()) {
                message.release();
                continue;
            }
            ByteBuf replies = reply.buffer();
            if (replies != null && replies.isReadable()) {
                // A command of this client is running (PUBLISH to itself): the replies before it go out first.
                channel.write(replies.readRetainedSlice(replies.readableBytes()), channel.voidPromise());
            }
            channel.write(message, channel.voidPromise());
            written = true;
        }
        if (written) {
            outOfBandWritten.run();
        }
    }

    private ByteBuf encode(Consumer<Reply> writer) {
        ByteBuf bytes = channel.alloc().buffer();
        Reply outOfBand = new Reply().target(bytes);
        outOfBand.protocol(reply.protocol());
        writer.accept(outOfBand);
        return bytes;
    }
}
