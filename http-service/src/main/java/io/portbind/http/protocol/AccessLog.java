package io.portbind.http.protocol;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per answered request on the event stream: client, request line, status, body bytes, time taken. */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    private AccessLog() {
    }

    static void record(Channel channel, HttpRequest request, int status, long bodyBytes, long nanos) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} \"{} {} {}\" {} {} {}ms", client(channel), request.method(), printable(request.uri()),
                    request.protocolVersion(), status, bodyBytes, String.format(Locale.ROOT, "%.3f", nanos / 1e6));
        }
    }

    /** A request answered before it could be read whole, such as one that timed out half-sent. */
    static void recordUnread(Channel channel, int status) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} \"-\" {} 0 -", client(channel), status);
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
