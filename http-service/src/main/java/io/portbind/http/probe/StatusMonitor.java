package io.portbind.http.probe;

import io.netty.channel.EventLoopGroup;
import io.portbind.common.config.RedisUrl;
import io.portbind.common.config.ServiceAddress;
import io.portbind.common.server.Transport;
import io.portbind.http.routing.EventStream;
import io.portbind.http.store.KvStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks the three services and the store's statistics, on demand (cached for a second) and every
 * two seconds while a dashboard listens on {@code /api/events}. Name lookups run on its own thread,
 * probes on a one-thread event loop, store calls on the store's pool: nothing blocks a request.
 */
public final class StatusMonitor implements AutoCloseable {

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);
    private static final String EVENT = "status";

    private final Supplier<ServiceAddress> httpUrl;
    private final Supplier<InetSocketAddress> ownAddress;
    private final ServiceAddress chatUrl;
    private final KvStore store;
    private final EventLoopGroup probeLoop = Transport.best().newEventLoopGroup(1, "probe");
    private final ServiceChecks checks = new ServiceChecks(new ProtocolProbe(probeLoop, PROBE_TIMEOUT));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "status-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<EventStream> listeners = ConcurrentHashMap.newKeySet();
    private volatile StatusSnapshot latest;
    private CompletableFuture<StatusSnapshot> running;
    private ScheduledFuture<?> ticking;

    /**
     * @param httpUrl     the address the dashboard shows for this service, asked at each check
     * @param ownAddress  where this process listens, for the HTTP self check; null until its listener
     *                    is bound, when {@code httpUrl} is checked instead
     */
    public StatusMonitor(Supplier<ServiceAddress> httpUrl, Supplier<InetSocketAddress> ownAddress,
                         ServiceAddress chatUrl, KvStore store) {
        this.httpUrl = httpUrl;
        this.ownAddress = ownAddress;
        this.chatUrl = chatUrl;
        this.store = store;
    }

    /** The current status as JSON: the last check if it is fresh, else a new one. */
    public CompletableFuture<String> current() {
        StatusSnapshot last = latest;
        if (last != null && last.checkedAt().plus(FRESH_FOR).isAfter(Instant.now())) {
            return CompletableFuture.completedFuture(last.toJson());
        }
        return refresh().thenApply(StatusSnapshot::toJson);
    }

    /** Sends the status to {@code stream} now and after every check until the client goes away. */
    public void subscribe(EventStream stream) {
        listeners.add(stream);
        stream.onClose(() -> listeners.remove(stream));
        current().thenAccept(json -> stream.send(EVENT, json));
        synchronized (this) {
            if (ticking == null) {
                ticking = scheduler.scheduleWithFixedDelay(this::tick, INTERVAL.toMillis(), INTERVAL.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void tick() {
        synchronized (this) {
            if (listeners.isEmpty()) {
                ticking.cancel(false);
                ticking = null;
                return;
            }
        }
        refresh().thenAccept(snapshot -> {
            String json = snapshot.toJson();
            listeners.forEach(stream -> stream.send(EVENT, json));
        });
    }

    private synchronized CompletableFuture<StatusSnapshot> refresh() {
        if (running != null && !running.isDone()) {
            return running;
        }
        running = CompletableFuture.supplyAsync(this::check, scheduler).thenCompose(pending -> pending)
                .whenComplete((snapshot, failure) -> {
                    if (snapshot != null) {
                        latest = snapshot;
                    }
                });
        return running;
    }

    /** Runs on the monitor thread, where resolving names may block. */
    private CompletableFuture<StatusSnapshot> check() {
        RedisUrl kvUrl = store.url();
        ServiceAddress httpUrl = this.httpUrl.get();
        InetSocketAddress self = ownAddress.get();
        CompletableFuture<ProbeResult> http = self != null ? checks.http(self, httpUrl)
                : probe(httpUrl.host(), httpUrl.port(), address -> checks.http(address, httpUrl));
        CompletableFuture<ProbeResult> kv = probe(kvUrl.host(), kvUrl.port(), address -> checks.resp(address, kvUrl));
        CompletableFuture<ProbeResult> chat = probe(chatUrl.host(), chatUrl.port(),
                address -> checks.xmpp(address, chatUrl));
        CompletableFuture<StoreStats> info = store.info().thenApply(StoreStats::of)
                .completeOnTimeout(StoreStats.failed(true, "no statistics within " + PROBE_TIMEOUT.multipliedBy(2)
                        .toMillis() + " ms"), PROBE_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)
                .exceptionally(StoreStats::failed);
        return CompletableFuture.allOf(http, kv, chat, info).thenApply(done -> new StatusSnapshot(Instant.now(),
                List.of(new ServiceStatus("http-service", "HTTP/1.1", httpUrl.toString(), http.join()),
                        new ServiceStatus("kv-service", "RESP", kvUrl.toString(), kv.join()),
                        new ServiceStatus("chat-service", "XMPP", chatUrl.toString(), chat.join())),
                info.join()));
    }

    private static CompletableFuture<ProbeResult> probe(
            String host, int port, Function<InetSocketAddress, CompletableFuture<ProbeResult>> check) {
        try {
            return check.apply(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(ProbeResult.down("unknown host " + host));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        probeLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }
}
