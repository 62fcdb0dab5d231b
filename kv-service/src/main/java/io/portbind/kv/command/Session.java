package io.portbind.kv.command;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.portbind.kv.protocol.Reply;
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
    private boolean inTransaction;
    private int db;
    private String name = "";
    private String libraryName = "";
    private String libraryVersion = "";

    /**
     * @param resumeProcessing run on the event loop when a parked session is woken: continues with the
     *                         requests that arrived meanwhile
     */
    public Session(long id, Channel channel, boolean authenticated, Runnable resumeProcessing) {
        this.id = id;
        this.channel = channel;
        this.authenticated = authenticated;
        this.resumeProcessing = resumeProcessing;
    }

    public long id() {
        return id;
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

    public long createdMillis() {
        return createdMillis;
    }

    /** Whether the session's commands are being run by EXEC: blocking commands then answer at once. */
    public boolean inTransaction() {
        return inTransaction;
    }

    public void inTransaction(boolean value) {
        this.inTransaction = value;
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
            channel.write(bytes);
            resumeProcessing.run();
        });
    }

    /** Sends an out-of-band message now (a pub/sub push); {@code writer} runs on the calling thread. */
    public void send(Consumer<Reply> writer) {
        channel.writeAndFlush(encode(writer));
    }

    private ByteBuf encode(Consumer<Reply> writer) {
        ByteBuf bytes = channel.alloc().buffer();
        Reply outOfBand = new Reply().target(bytes);
        outOfBand.protocol(reply.protocol());
        writer.accept(outOfBand);
        return bytes;
    }
}
