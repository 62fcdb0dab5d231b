package io.portbind.bench.xmpp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.portbind.common.server.Transport;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Opens client sessions on a few shared event loops. TLS uses BoringSSL where its native library loads
 * (the JDK's engine otherwise) and trusts any certificate: the benchmark runs on loopback against
 * servers with throw-away self-signed certificates.
 */
final class XmppConnector implements AutoCloseable {

    private final TargetOptions target;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslContext sslContext;
    private final InetSocketAddress[] addresses;

    XmppConnector(TargetOptions target) throws SSLException {
        this.target = target;
        Transport transport = Transport.best();
        this.group = transport.newEventLoopGroup(target.threads, "xmpp-load");
        this.sslContext = SslContextBuilder.forClient()
                .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .build();
        this.addresses = new InetSocketAddress[target.ports.length];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InetSocketAddress(target.host, target.ports[i]);
        }
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannelType())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, target.loginTimeoutSeconds * 1000);
    }

    /** The loop the next connection should use when nothing ties it to another. */
    EventLoop nextLoop() {
        return group.next();
    }

    /** Logs in account {@code index} on {@code loop}; the future completes with the ready session. */
    Future<XmppSession> login(int index, EventLoop loop) {
        Promise<XmppSession> ready = loop.newPromise();
        SaslClient sasl = target.mechanism.newClient(target.user(index), target.password);
        XmppSession session = new XmppSession(target.domain, sasl, sslContext, ready);
        ChannelFuture connect = bootstrap.clone(loop).handler(session).connect(addresses[Math.floorMod(index, addresses.length)]);
        connect.addListener(connected -> {
            if (!connected.isSuccess()) {
                ready.tryFailure(connected.cause());
            }
        });
        ScheduledFuture<?> timeout = loop.schedule(() -> {
            if (ready.tryFailure(new TimeoutException("login not finished after " + target.loginTimeoutSeconds
                    + " s"))) {
                connect.channel().close();
            }
        }, target.loginTimeoutSeconds, TimeUnit.SECONDS);
        ready.addListener(done -> timeout.cancel(false));
        return ready;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
