package io.portbind.chat;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.portbind.chat.connection.ConnectionLimits;
import io.portbind.chat.connection.XmppStreamHandler;
import io.portbind.chat.negotiation.StreamFeature;
import io.portbind.chat.routing.StanzaRouter;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each client connection's pipeline: idle detection, then the XMPP stream. TLS is added on STARTTLS. A
 * connection from a network that already has its most connections open is closed at once.
 */
final class ChatInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger LOG = LoggerFactory.getLogger(ChatInitializer.class);

    private final Host host;
    private final List<StreamFeature> streamFeatures;
    private final StanzaRouter router;
    private final Duration idleTimeout;
    private final ChannelGroup connections;
    private final ConnectionLimits limits;

    ChatInitializer(Host host, List<StreamFeature> streamFeatures, StanzaRouter router, Duration idleTimeout,
                    ChannelGroup connections, ConnectionLimits limits) {
        this.host = host;
        this.streamFeatures = streamFeatures;
        this.router = router;
        this.idleTimeout = idleTimeout;
        this.connections = connections;
        this.limits = limits;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (!limits.perNetwork().tryOpen(remote)) {
            LOG.debug("{}: refused, its network has the most connections open", channel);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> limits.perNetwork().closed(remote));
        connections.add(channel);
        channel.pipeline()
                .addLast("idle", new IdleStateHandler(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("xmpp", new XmppStreamHandler(host, streamFeatures, router, limits));
    }
}
