package io.portbind.common.server;

import io.portbind.common.config.CommandLineArguments;
import io.portbind.common.config.Config;
import io.portbind.common.config.ConfigException;
import io.portbind.common.config.ConfigResolver;
import io.portbind.common.config.ServiceAddress;
import io.portbind.common.config.ServiceDescriptor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The life of a service process: read the configuration, bind, announce the listening address,
 * serve until SIGTERM or SIGINT, stop gracefully. User mistakes end in one line on stderr and exit
 * status 2; a port that cannot be bound, or a {@link StartupException}, in one line and status 1. No stack
 * traces for either.
 */
public final class ServiceLauncher {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /** Builds the service once its configuration is known; may reject semantically bad settings. */
    @FunctionalInterface
    public interface ApplicationFactory {
        ServerApplication create(Config config);
    }

    private final ServiceDescriptor service;
    private final ApplicationFactory factory;
    private final PrintStream out;
    private final PrintStream err;

    private ServiceLauncher(ServiceDescriptor service, ApplicationFactory factory, PrintStream out, PrintStream err) {
        this.service = service;
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    /** Entry point for a service's {@code main}; never returns. */
    public static void run(ServiceDescriptor service, String[] args, ApplicationFactory factory) {
        int status = new ServiceLauncher(service, factory, System.out, System.err).launch(args, System.getenv());
        System.out.flush();
        System.exit(status);
    }

    private int launch(String[] args, Map<String, String> environment) {
        Config config;
        ServerApplication application;
        try {
            Optional<Map<String, String>> flags = new CommandLineArguments(service, version())
                    .parse(args, new PrintWriter(out, true));
            if (flags.isEmpty()) {
                return EXIT_OK;
            }
            config = ConfigResolver.resolve(service, flags.get(), environment);
            Logging.configure(config.logLevel());
            application = factory.create(config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (StartupException e) {
            err.println(service.name() + ": " + e.getMessage());
            return EXIT_FAILURE;
        }

        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        NettyServer server;
        try {
            server = NettyServer.start(address, application);
        } catch (BindFailedException e) {
            application.close();
            err.println(service.name() + ": cannot bind " + hostAndPort(address) + ": " + e.getMessage());
            return EXIT_FAILURE;
        }

        CountDownLatch stopRequested = new CountDownLatch(1);
        ShutdownSignals.onTermination(() -> application.terminationRequested(stopRequested::countDown));
        application.stopRequestedBy(stopRequested::countDown);
        // The configured address, not the socket's: a wildcard bind reads back as "::" on dual-stack sockets.
        InetSocketAddress bound = new InetSocketAddress(config.bindAddress(), server.localAddress().getPort());
        out.println(service.name() + " listening on " + hostAndPort(bound) + " (" + service.protocol() + ")");
        out.flush();

        awaitUninterruptibly(stopRequested);
        LoggerFactory.getLogger(ServiceLauncher.class).info("{} stopping", service.name());
        server.stop(NettyServer.DEFAULT_GRACE);
        LoggerFactory.getLogger(ServiceLauncher.class).info("{} stopped", service.name());
        return EXIT_OK;
    }

    private String version() {
        String version = factory.getClass().getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /** {@code 0.0.0.0:6379}, or {@code [::1]:6379} for IPv6. */
    public static String hostAndPort(InetSocketAddress address) {
        return ServiceAddress.literal(address.getAddress()) + ":" + address.getPort();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
