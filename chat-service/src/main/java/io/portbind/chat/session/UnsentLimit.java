package io.portbind.chat.session;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many bytes written to one client may wait unsent (queued for its event loop, or written but not yet taken
 * by the network) while it does not read. A client past it is disconnected, as Prosody and ejabberd disconnect a
 * client whose send queue overflows: its senders are never slowed and the server does not buffer without limit.
 * Counts, for all clients, the sessions closed so and the stanzas dropped for them.
 */
public final class UnsentLimit {

    private static final Logger LOG = LoggerFactory.getLogger(UnsentLimit.class);

    private final long maxBytes;
    private final AtomicLong closedSessions = new AtomicLong();
    private final AtomicLong droppedStanzas = new AtomicLong();

    public UnsentLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    boolean admits(long unsent, int more) {
        return unsent + more <= maxBytes;
    }

    /** The session that went past the limit: one log line for it, whatever more is then dropped. */
    void exceeded(ClientSession session, long unsent) {
        droppedStanzas.incrementAndGet();
        long closed = closedSessions.incrementAndGet();
        LOG.warn("{} {}: {} bytes unsent, more than {}: closing a client that does not read ({} so far)",
                session.channel(), session.jid(), unsent, maxBytes, closed);
    }

    void dropped() {
        droppedStanzas.incrementAndGet();
    }

    public long closedSessions() {
        return closedSessions.get();
    }

    public long droppedStanzas() {
        return droppedStanzas.get();
    }
}
