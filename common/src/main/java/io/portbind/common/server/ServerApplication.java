package io.portbind.common.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a service gives the shared bootstrap: how to handle each accepted connection and how to
 * behave when it is asked to stop.
 */
public interface ServerApplication {

    /** The handler added to each accepted connection, usually the service's channel initializer. */
    ChannelHandler childHandler();

    /** Lets a service set socket options of its own; the defaults suit most. */
    default void configure(ServerBootstrap bootstrap) {
    }

    /** Called once the listener is bound, with its address: where port 0 became a real port. */
    default void bound(InetSocketAddress address) {
    }

    /**
     * Called after the listener has closed and before connections are closed: finish in-flight
     * work and tell clients goodbye in the protocol's own way, within {@code bound}.
     */
    default void drain(Duration bound) {
    }

    /**
     * Called once the service is running under {@link ServiceLauncher}, with the action that stops the
     * process gracefully, as SIGTERM does: for a protocol's own shutdown command (Redis's SHUTDOWN). The
     * action returns at once; never called for a server started in-process.
     */
    default void stopRequestedBy(Runnable requestStop) {
    }

    /**
     * Called on SIGTERM or SIGINT, on the signal's thread, with the action that stops the process gracefully. A
     * service that must make its data durable first, and keeps running when it cannot (as Redis does when its
     * final save fails), runs {@code stop} once it is ready; by default the process stops at once.
     */
    default void terminationRequested(Runnable stop) {
        stop.run();
    }

    /** Called last, after the event loops have stopped: flush what must be durable and release resources. */
    default void close() {
    }
}
