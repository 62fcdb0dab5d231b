package io.portbind.chat;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.portbind.chat.connection.XmppStreamHandler;
import io.portbind.chat.negotiation.StreamFeature;
import io.portbind.chat.routing.StanzaRouter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds each client connection's pipeline: idle detection, then the XMPP stream. TLS is added on STARTTLS. */
final class ChatInitializer extends ChannelInitializer<SocketChannel> {

    private final Host host;
    private final List<StreamFeature> streamFeatures;
    private final StanzaRouter router;
    private final Duration idleTimeout;
    private final ChannelGroup connections;

    ChatInitializer(Host host, List<StreamFeature> streamFeatures, StanzaRouter router, Duration idleTimeout,
                    ChannelGroup connections) {
        this.host = host;
        this.streamFeatures = streamFeatures;
        this.router = router;
        this.idleTimeout = idleTimeout;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        channel.pipeline()
                .addLast("idle", new IdleStateHandler(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("xmpp", new XmppStreamHandler(host, streamFeatures, router));
    }
}
