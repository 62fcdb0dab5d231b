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
import java.util.Map;

/**
 * The http-service started in-process on a free port, with a JDK HttpClient pointed at it. Its own
 * address is its {@code HTTP_URL}, so the dashboard's HTTP self check finds it.
 */
final class HttpServiceUnderTest implements AutoCloseable {

    /** Short, so the slow-request test need not wait ten seconds; every other request arrives at once. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private final NettyServer server;
    private final int port;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpServiceUnderTest(NettyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static HttpServiceUnderTest start(String kvUrl, int chatPort) {
        return start(kvUrl, chatPort, HttpServer.IDLE_TIMEOUT);
    }

    static HttpServiceUnderTest start(String kvUrl, int chatPort, Duration idleTimeout) {
        int port = RedisServer.freePort();
        Map<String, String> environment = Map.of("PORT", Integer.toString(port), "KV_URL", kvUrl,
                "HTTP_URL", "http://127.0.0.1:" + port, "CHAT_URL", "xmpp://127.0.0.1:" + chatPort);
        HttpServer application = new HttpServer(ConfigResolver.resolve(Main.SERVICE, Map.of(), environment),
                idleTimeout, REQUEST_TIMEOUT);
        try {
            NettyServer server = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    application);
            return new HttpServiceUnderTest(server, port);
        } catch (BindFailedException e) {
            throw new AssertionError("cannot bind the free port " + port, e);
        }
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
        server.stop(Duration.ofSeconds(1));
    }
}
