package io.portbind.http;

import io.portbind.chat.ChatServer;
import io.portbind.chat.Main;
import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.BindFailedException;
import io.portbind.common.server.NettyServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** This project's chat-service, in-process on a free loopback port, for the dashboard to find up. */
final class ChatServiceUnderTest implements AutoCloseable {

    private final NettyServer server;

    private ChatServiceUnderTest(NettyServer server) {
        this.server = server;
    }

    static ChatServiceUnderTest start() {
        ChatServer application = new ChatServer(ConfigResolver.resolve(Main.SERVICE, Map.of(),
                Map.of("CHAT_PORT", "0")));
        try {
            return new ChatServiceUnderTest(NettyServer.start(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), application));
        } catch (BindFailedException e) {
            throw new AssertionError("cannot bind a free port", e);
        }
    }

    /** {@code xmpp://127.0.0.1:port}, for {@code CHAT_URL}. */
    String url() {
        return "xmpp://127.0.0.1:" + server.localAddress().getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
