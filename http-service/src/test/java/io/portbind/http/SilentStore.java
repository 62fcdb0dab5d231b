package io.portbind.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A store that has hung: it accepts connections and reads what it is sent, but never answers. Each
 * connection is read on a thread of its own until closed.
 */
final class SilentStore implements StoreUnderTest {

    private final int port = RedisServer.freePort();
    private final List<Socket> connections = new ArrayList<>();
    private ServerSocket listener;

    static SilentStore start() {
        return StoreUnderTest.started(new SilentStore());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void startAgain() {
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(() -> acceptForever(listener));
    }

    private void acceptForever(ServerSocket accepting) {
        try {
            while (true) {
                Socket connection = accepting.accept();
                synchronized (connections) {
                    connections.add(connection);
                }
                daemon(() -> readForever(connection));
            }
        } catch (IOException closed) {
            // stopped
        }
    }

    private static void readForever(Socket connection) {
        byte[] ignored = new byte[4096];
        try (InputStream in = connection.getInputStream()) {
            while (in.read(ignored) >= 0) {
                // a hung store reads, perhaps, and says nothing
            }
        } catch (IOException closed) {
            // the client gave up, or the store stopped
        }
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body, "silent-store");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        try {
            listener.close();
            synchronized (connections) {
                for (Socket connection : connections) {
                    connection.close();
                }
                connections.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
