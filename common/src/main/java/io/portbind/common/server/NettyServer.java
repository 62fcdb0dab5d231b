package io.portbind.common.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bound listening socket and the event loops that serve it. Every service, and every in-process
 * test, starts its server through here, so transport, buffers and shutdown behave the same.
 */
public final class NettyServer implements AutoCloseable {

    /** How long event loops wait for new work before closing; short, since the listener is already gone. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(100);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    private static final ByteBufAllocator ALLOCATOR = new AdaptiveByteBufAllocator();

    private final Channel listener;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ServerApplication application;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private NettyServer(Channel listener, EventLoopGroup acceptor, EventLoopGroup workers,
                        ServerApplication application) {
        this.listener = listener;
        this.acceptor = acceptor;
        this.workers = workers;
        this.application = application;
    }

    /** Binds {@code address} (port 0 picks a free port) and starts serving. */
    public static NettyServer start(InetSocketAddress address, ServerApplication application)
            throws BindFailedException {
        Transport transport = Transport.best();
        EventLoopGroup acceptor = transport.newEventLoopGroup(1, "accept");
        EventLoopGroup workers = transport.newEventLoopGroup(ioThreads(), "io");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                // Netty 4.2's pooling allocator: sized by use, it keeps less memory per idle connection.
                .childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(application.childHandler());
        application.configure(bootstrap);
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new BindFailedException(address, bound.cause());
        }
        NettyServer server = new NettyServer(bound.channel(), acceptor, workers, application);
        application.bound(server.localAddress());
        return server;
    }

    /** One event loop per core: nothing blocks on them, so more threads would only take turns on the same cores. */
    public static int ioThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /**
     * Stops accepting, lets the application finish in-flight work within {@code grace}, closes the
     * remaining connections and releases everything. Safe to call more than once.
     */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        application.drain(grace);
        long graceMillis = grace.toMillis();
        acceptor.shutdownGracefully(0, graceMillis, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(QUIET_PERIOD.toMillis(), graceMillis, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(graceMillis + QUIET_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        application.close();
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }
}
