package io.portbind.http.protocol;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the event stream: client, request line, status, body bytes, time
 * taken. Writing to stdout can block (a slow pipe, a full terminal), so event loops only queue the
 * line; one thread of its own writes them through SLF4J. When stdout falls that far behind, lines
 * are dropped and counted rather than stalling requests.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final int QUEUED_LINES = 16 * 1024;
    private static final BlockingQueue<String> LINES = new ArrayBlockingQueue<>(QUEUED_LINES);
    private static final AtomicLong DROPPED = new AtomicLong();

    static {
        if (LOG.isInfoEnabled()) {
            Thread writer = new Thread(AccessLog::writeForever, "access-log");
            writer.setDaemon(true);
            writer.start();
        }
    }

    private AccessLog() {
    }

    /** A request whose line was never read (an {@link UnreadRequest}) shows {@code "-"} for it. */
    static void record(Channel channel, HttpRequest request, int status, long bodyBytes, long nanos) {
        if (LOG.isInfoEnabled()) {
            String line = request instanceof UnreadRequest ? "-"
                    : request.method() + " " + printable(request.uri()) + " " + request.protocolVersion();
            queue(client(channel) + " \"" + line + "\" " + status + " " + bodyBytes + " "
                    + String.format(Locale.ROOT, "%.3f", nanos / 1e6) + "ms");
        }
    }

    private static void queue(String line) {
        if (!LINES.offer(line)) {
            DROPPED.incrementAndGet();
        }
    }

    private static void writeForever() {
        while (true) {
            try {
                String line = LINES.take();
                long dropped = DROPPED.getAndSet(0);
                if (dropped > 0) {
                    LOG.warn("{} access-log lines dropped: stdout could not keep up", dropped);
                }
                LOG.info(line);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String client(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
    }

    /** Rejected targets may carry control characters; they must not forge log lines. */
    private static String printable(String uri) {
        StringBuilder out = new StringBuilder(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"') {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
