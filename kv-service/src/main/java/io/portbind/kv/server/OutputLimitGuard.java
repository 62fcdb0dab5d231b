package io.portbind.kv.server;

import io.portbind.kv.table.OutputBufferLimits.Limit;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects a client that leaves more replies unread than {@code client-output-buffer-limit} allows its class,
 * as Redis's {@code checkClientOutputBufferLimits}: at once past the hard limit, or once it has stayed past the soft
 * limit for longer than the soft seconds. Checked after every write to the connection, on its event loop; the one
 * log line per disconnected client is Redis's.
 */
final class OutputLimitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(OutputLimitGuard.class);

    private final ServerState server;
    private final Session session;
    /** When the client went past its soft limit, or -1 while it is under it. */
    private long overSoftSinceMillis = -1;
    private boolean disconnected;

    OutputLimitGuard(ServerState server, Session session) {
        this.server = server;
        this.session = session;
    }

    void check() {
        if (disconnected) {
            return;
        }
        long pending = session.pendingOutputBytes();
        Limit limit = server.outputBufferLimits().limit(session.clientClass());
        if (!exceeded(limit, pending, System.currentTimeMillis())) {
            return;
        }
        disconnected = true;
        LOG.warn("Client id={} addr={} scheduled to be closed ASAP for overcoming of output buffer limits "
                + "({} bytes unread, class {})", session.id(), session.channel().remoteAddress(), pending,
                session.clientClass().configName());
        session.channel().close();
    }

    /** Unsigned comparisons: a limit set past 2^63 (Redis shows it unsigned) is never reached. */
    private boolean exceeded(Limit limit, long pending, long now) {
        if (limit.hardBytes() != 0 && Long.compareUnsigned(pending, limit.hardBytes()) >= 0) {
            return true;
        }
        if (limit.softBytes() == 0 || Long.compareUnsigned(pending, limit.softBytes()) < 0) {
            overSoftSinceMillis = -1;
            return false;
        }
        if (overSoftSinceMillis < 0) {
            overSoftSinceMillis = now;
            return false;
        }
        return (now - overSoftSinceMillis) / 1000 > limit.softSeconds();
    }
}
