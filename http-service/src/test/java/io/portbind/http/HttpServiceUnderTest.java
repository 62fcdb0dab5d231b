package io.portbind.http;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.BindFailedException;
import io.portbind.common.server.NettyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The http-service started in-process on a free port, with a JDK HttpClient pointed at it. Over a
 * store its own address is its {@code HTTP_URL}; without one {@code HTTP_URL} is not set. Nothing
 * listens on its {@code CHAT_URL} unless it runs {@linkplain #withChatService with the chat-service}.
 * As a JUnit extension ({@code @RegisterExtension static final}) it starts before the class's tests,
 * over a fresh redis-server or over a store that is not there.
 */
final class HttpServiceUnderTest implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** Short, so the slow-request test need not wait ten seconds; every other request arrives at once. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<StoreUnderTest> storeFactory;
    private final int port = RedisServer.freePort();
    private boolean chatUp;
    private StoreUnderTest store;
    private ChatServiceUnderTest chat;
    private NettyServer server;

    private HttpServiceUnderTest(Supplier<StoreUnderTest> storeFactory) {
        this.storeFactory = storeFactory;
    }

    /** Over a real redis-server of its own. */
    static HttpServiceUnderTest overRedis() {
        return new HttpServiceUnderTest(RedisServer::start);
    }

    /** Over this project's kv-service, in-process. */
    static HttpServiceUnderTest overKvService() {
        return new HttpServiceUnderTest(KvServiceStore::start);
    }

    /** Over a store that takes connections and never answers, as a hung one does. */
    static HttpServiceUnderTest overSilentStore() {
        return new HttpServiceUnderTest(SilentStore::start);
    }

    /** Over a {@code KV_URL} where nothing listens: the store is down from the start. */
    static HttpServiceUnderTest withoutStore() {
        return new HttpServiceUnderTest(null);
    }

    /** With this project's chat-service running in-process at its {@code CHAT_URL}. */
    HttpServiceUnderTest withChatService() {
        chatUp = true;
        return this;
    }

    /** Started at once, for a test that needs its own timeouts; close it when done. */
    static HttpServiceUnderTest start(Duration idleTimeout) {
        HttpServiceUnderTest service = withoutStore();
        service.startService(idleTimeout);
        return service;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (storeFactory != null) {
            store = storeFactory.get();
        }
        if (chatUp) {
            chat = ChatServiceUnderTest.start();
        }
        startService(HttpServer.IDLE_TIMEOUT);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
        if (store != null) {
            store.close();
        }
        if (chat != null) {
            chat.close();
        }
    }

    private void startService(Duration idleTimeout) {
        String kvUrl = store != null ? store.url() : "redis://127.0.0.1:" + RedisServer.freePort();
        String chatUrl = chat != null ? chat.url() : "xmpp://127.0.0.1:" + RedisServer.freePort();
        Map<String, String> environment = new HashMap<>(Map.of("PORT", Integer.toString(port), "KV_URL", kvUrl,
                "CHAT_URL", chatUrl));
        // Without a store, HTTP_URL is not set: the dashboard must show and find this process by its bound address.
        if (store != null) {
            environment.put("HTTP_URL", "http://127.0.0.1:" + port);
        }
        HttpServer application = new HttpServer(ConfigResolver.resolve(Main.SERVICE, Map.of(), environment),
                idleTimeout, REQUEST_TIMEOUT);
        try {
            server = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), application);
        } catch (BindFailedException e) {
            throw new AssertionError("cannot bind the free port " + port, e);
        }
    }

    /** Stops serving, as a crash or a redeploy would: every connection drops. */
    void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    /** Serves again on the same port after {@link #stop}. */
    void startAgain() {
        startService(HttpServer.IDLE_TIMEOUT);
    }

    /** The store behind the service, to stop and start again. */
    StoreUnderTest store() {
        return store;
    }

    int port() {
        return port;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> put(String pathAndQuery, String body) {
        return send(request(pathAndQuery).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    RawConnection connect() {
        return RawConnection.open(port);
    }

    @Override
    public void close() {
        stop();
    }
}
