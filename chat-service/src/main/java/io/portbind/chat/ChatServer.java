package io.portbind.chat;

import io.netty.channel.ChannelHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.portbind.chat.account.AccountsFile;
import io.portbind.chat.account.PasswordHasher;
import io.portbind.chat.cluster.ClusterNode;
import io.portbind.chat.connection.ShutdownEvent;
import io.portbind.chat.feature.DiscoFeature;
import io.portbind.chat.feature.Feature;
import io.portbind.chat.feature.FeatureRegistry;
import io.portbind.chat.feature.LegacySessionFeature;
import io.portbind.chat.feature.PingFeature;
import io.portbind.chat.feature.RegistrationFeature;
import io.portbind.chat.feature.VersionFeature;
import io.portbind.chat.negotiation.BindFeature;
import io.portbind.chat.negotiation.SaslFeature;
import io.portbind.chat.negotiation.StartTlsFeature;
import io.portbind.chat.negotiation.StreamFeature;
import io.portbind.chat.presence.PresenceBroker;
import io.portbind.chat.presence.PresenceDelivery;
import io.portbind.chat.roster.RosterFeature;
import io.portbind.chat.roster.RosterPushes;
import io.portbind.chat.roster.SubscriptionFlow;
import io.portbind.chat.routing.IqDispatcher;
import io.portbind.chat.routing.MessageRouter;
import io.portbind.chat.routing.StanzaRouter;
import io.portbind.chat.session.SessionRegistry;
import io.portbind.chat.store.Account;
import io.portbind.chat.store.StateStores;
import io.portbind.chat.store.resp.RespStateStores;
import io.portbind.chat.connection.ConnectionLimits;
import io.portbind.chat.session.UnsentLimit;
import io.portbind.chat.stream.StreamLimits;
import io.portbind.chat.throttle.ConnectionsPerNetwork;
import io.portbind.chat.throttle.LoginBackoff;
import io.portbind.chat.tls.ServerTls;
import io.portbind.common.config.Config;
import io.portbind.common.config.Settings;
import io.portbind.common.resp.RespClient;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import io.portbind.common.server.ServerApplication;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat-service as the shared bootstrap sees it: builds the host (stores, sessions, TLS), installs
 * the features, and says goodbye to every client with {@code system-shutdown} on a graceful stop.
 */
public final class ChatServer implements ServerApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
    private static final int OFFLINE_MESSAGES_PER_USER = 1000;
    private static final Duration LEAVE_BOUND = Duration.ofSeconds(2);
    private static final int ACCOUNTS_PER_BATCH = 64;

    private final StateStores state;
    private final Optional<ClusterNode> cluster;
    private final Host host;
    private final ChatInitializer initializer;
    private final ChannelGroup connections = new DefaultChannelGroup("xmpp-clients", GlobalEventExecutor.INSTANCE);

    public ChatServer(Config config) {
        String domain = config.get(ChatSettings.DOMAIN).toString();
        ServerTls tls = ServerTls.load(config.find(ChatSettings.TLS_CERT), config.find(ChatSettings.TLS_KEY), domain);
        PasswordHasher hasher = new PasswordHasher();
        String prefix = config.get(ChatSettings.KEY_PREFIX);
        Optional<RespClient> store = config.find(Settings.OPTIONAL_KV_URL)
                .map(url -> new RespClient(url, "chat-service"));
        this.state = store.map(client -> RespStateStores.open(client, prefix, domain, OFFLINE_MESSAGES_PER_USER))
                .orElseGet(() -> StateStores.inMemory(OFFLINE_MESSAGES_PER_USER));
        LOG.info("state {}", state.description());
        // With a store, this process is one node of a server that may have several.
        this.cluster = store.map(client -> new ClusterNode(client, prefix));
        SessionRegistry sessions = cluster.map(node -> new SessionRegistry(node.directory(), node))
                .orElseGet(SessionRegistry::new);
        config.find(ChatSettings.ACCOUNTS).ifPresent(file -> loadAccounts(file, hasher));
        this.host = new Host(config.get(ChatSettings.DOMAIN), config.get(ChatSettings.ALLOW_PLAINTEXT),
                config.get(ChatSettings.REGISTRATION),
                new StreamLimits(config.get(ChatSettings.MAX_STANZA_BYTES), StreamLimits.DEFAULT_DEPTH), tls,
                state.accounts(), state.rosters(), state.offline(), sessions, hasher);
        LOG.info("XMPP domain {}, TLS certificate SHA-256 fingerprint {}", domain, tls.fingerprint());

        PresenceDelivery delivery = new PresenceDelivery(host);
        cluster.ifPresent(node -> node.start(sessions, delivery::departed));
        RosterPushes pushes = new RosterPushes(host);
        SubscriptionFlow subscriptions = new SubscriptionFlow(host, pushes, delivery);
        RegistrationFeature registration = new RegistrationFeature(host, subscriptions,
                config.get(ChatSettings.REGISTRATION_LIMIT), config.get(ChatSettings.TRUSTED_NETWORKS), state.counters());
        LegacySessionFeature legacySession = new LegacySessionFeature();
        RosterFeature roster = new RosterFeature(host, pushes, subscriptions);
        List<Feature> features = List.of(new DiscoFeature(), new PingFeature(), new VersionFeature(), registration,
                legacySession, roster);
        FeatureRegistry registry = new FeatureRegistry();
        features.forEach(feature -> feature.install(registry));
        List<StreamFeature> streamFeatures = List.of(new StartTlsFeature(host),
                new SaslFeature(host, new LoginBackoff(state.failures())), registration, new BindFeature(host),
                legacySession, roster);
        StanzaRouter router = new StanzaRouter(host, new MessageRouter(host),
                new PresenceBroker(host, delivery, subscriptions), new IqDispatcher(host, registry));
        this.initializer = new ChatInitializer(host, streamFeatures, router,
                Duration.ofSeconds(config.get(ChatSettings.IDLE_TIMEOUT)), connections, new ConnectionLimits(
                        Duration.ofSeconds(config.get(ChatSettings.NEGOTIATION_TIMEOUT)),
                        new UnsentLimit(config.get(ChatSettings.MAX_UNSENT_BYTES)),
                        new ConnectionsPerNetwork(config.get(ChatSettings.MAX_CONNECTIONS_PER_NETWORK),
                                config.get(ChatSettings.TRUSTED_NETWORKS))));
    }

    /**
     * Creates or replaces the operator's accounts: the file is the operator's word on those passwords, whatever the
     * store held. Waits for the store, since this runs once at start and not on an event loop.
     */
    private void loadAccounts(Path file, PasswordHasher hasher) {
        List<Account> loaded = AccountsFile.load(file, hasher);
        try {
            // A batch at a time: the store client's queue is bounded, and thousands at once would overflow it.
            for (int from = 0; from < loaded.size(); from += ACCOUNTS_PER_BATCH) {
                CompletableFuture.allOf(loaded.subList(from, Math.min(loaded.size(), from + ACCOUNTS_PER_BATCH))
                        .stream().map(account -> state.accounts().create(account)
                                .thenCompose(created -> created ? CompletableFuture.<Void>completedFuture(null)
                                        : state.accounts().update(account)).toCompletableFuture())
                        .toArray(CompletableFuture[]::new)).join();
            }
            LOG.info("loaded {} accounts from {}", loaded.size(), file);
        } catch (CompletionException e) {
            LOG.warn("could not store the accounts of {}: {}", file, RespClient.unwrap(e).getMessage());
        }
    }

    @Override
    public ChannelHandler childHandler() {
        return initializer;
    }

    /** The certificate clients are shown on STARTTLS, so tests and tools can trust exactly it. */
    public X509Certificate certificate() {
        return host.tls().certificate();
    }

    @Override
    public void drain(Duration bound) {
        connections.forEach(channel -> channel.pipeline().fireUserEventTriggered(ShutdownEvent.INSTANCE));
        connections.newCloseFuture().awaitUninterruptibly(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        host.hasher().close();
        // The sessions are gone; what their ending set off (unavailable presence to other nodes) goes out first.
        cluster.ifPresent(node -> {
            state.client().ifPresent(client -> client.awaitIdle(LEAVE_BOUND));
            node.close();
        });
        state.close();
        // A BoringSSL context holds native memory until released; the JDK's ignores this.
        ReferenceCountUtil.release(host.tls().context());
    }
}
