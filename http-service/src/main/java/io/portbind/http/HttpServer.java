package io.portbind.http;

import io.netty.channel.ChannelHandler;
import io.portbind.common.config.Config;
import io.portbind.common.config.ServiceAddress;
import io.portbind.common.config.Settings;
import io.portbind.common.server.ServerApplication;
import io.portbind.http.api.DataApi;
import io.portbind.http.api.HealthApi;
import io.portbind.http.api.StatusApi;
import io.portbind.http.metrics.Metrics;
import io.portbind.http.probe.StatusMonitor;
import io.portbind.http.protocol.HttpChannelInitializer;
import io.portbind.http.routing.Router;
import io.portbind.http.store.KvStore;
import io.portbind.http.web.Assets;
import io.portbind.http.web.HomePage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** The http-service as the shared bootstrap sees it; every route is declared here. */
public final class HttpServer implements ServerApplication {

    /** How long a keep-alive connection may sit idle between requests. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** How long a request may take to arrive completely once it has begun. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final KvStore store;
    private final StatusMonitor monitor;
    private final Metrics metrics = new Metrics();
    private final Router router;
    private final Duration idleTimeout;
    private final Duration requestTimeout;
    private final Optional<ServiceAddress> configuredUrl;
    /** This process's address as bound; the dashboard shows it when {@code HTTP_URL} is not set. */
    private volatile ServiceAddress boundUrl;
    /** Where this process listens, as a client connects to it: the HTTP self check goes there. */
    private volatile InetSocketAddress selfAddress;

    public HttpServer(Config config) {
        this(config, IDLE_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** For tests that watch the timeouts fire without waiting a minute. */
    HttpServer(Config config, Duration idleTimeout, Duration requestTimeout) {
        this.store = new KvStore(config.get(Settings.KV_URL));
        this.configuredUrl = config.find(Settings.HTTP_URL);
        this.monitor = new StatusMonitor(this::httpUrl, () -> selfAddress, config.get(Settings.CHAT_URL), store);
        this.router = routes(new HomePage(), new Assets(), new DataApi(store), new HealthApi(store),
                new StatusApi(monitor, metrics));
        this.idleTimeout = idleTimeout;
        this.requestTimeout = requestTimeout;
    }

    private static Router routes(HomePage home, Assets assets, DataApi data, HealthApi health, StatusApi status) {
        return Router.builder()
                .get("/", home::serve)
                .get("/assets/{name}", assets::serve)
                .get("/api/data", data::list)
                .get("/api/data/{key}", data::get)
                .put("/api/data/{key}", data::put)
                .delete("/api/data/{key}", data::delete)
                .get("/api/status", status::status)
                .get("/api/events", status::events)
                .get("/healthz", health::live)
                .get("/readyz", health::ready)
                .get("/metrics", status::metrics)
                .build();
    }

    @Override
    public void bound(InetSocketAddress address) {
        boundUrl = ServiceAddress.local("http", address);
        // A wildcard address is not one to connect to; this process is reached there through loopback.
        selfAddress = address.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort()) : address;
    }

    private ServiceAddress httpUrl() {
        return configuredUrl.orElse(boundUrl);
    }

    @Override
    public ChannelHandler childHandler() {
        return new HttpChannelInitializer(router, metrics, idleTimeout, requestTimeout);
    }

    @Override
    public void close() {
        monitor.close();
        store.close();
    }
}
