package io.portbind.chat;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.BindFailedException;
import io.portbind.common.server.NettyServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

/** A chat-service started in this JVM on a free loopback port, with settings given as environment variables. */
final class ChatTestServer implements AutoCloseable {

    private final ChatServer application;
    private final NettyServer server;

    private ChatTestServer(Map<String, String> environment) throws BindFailedException {
        Map<String, String> env = new HashMap<>(Map.of("CHAT_PORT", "0"));
        env.putAll(environment);
        this.application = new ChatServer(ConfigResolver.resolve(Main.SERVICE, Map.of(), env));
        this.server = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), application);
    }

    static ChatTestServer start(Map<String, String> environment) {
        try {
            return new ChatTestServer(environment);
        } catch (BindFailedException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.localAddress().getPort();
    }

    X509Certificate certificate() {
        return application.certificate();
    }

    NettyServer netty() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
