package io.portbind.chat.throttle;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many connections one client network ({@link ClientNetwork}) may hold open at once, so that one host cannot
 * take the server's memory by opening connections. Loopback is exempt, as for the registration limit: the
 * server's own machine runs its tests and load tools.
 */
public final class ConnectionsPerNetwork {

    private final int max;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    public ConnectionsPerNetwork(int max) {
        this.max = max;
    }

    /** Counts a new connection from {@code remote}; false, counting nothing, when its network has {@code max}. */
    public boolean tryOpen(SocketAddress remote) {
        if (isExempt(remote)) {
            return true;
        }
        boolean[] admitted = {false};
        open.compute(ClientNetwork.of(remote), (network, count) -> {
            int present = count == null ? 0 : count;
            admitted[0] = present < max;
            return admitted[0] ? present + 1 : count;
        });
        return admitted[0];
    }

    /** A connection that {@link #tryOpen} admitted has closed. */
    public void closed(SocketAddress remote) {
        if (!isExempt(remote)) {
            open.computeIfPresent(ClientNetwork.of(remote), (network, count) -> count > 1 ? count - 1 : null);
        }
    }

    private static boolean isExempt(SocketAddress remote) {
        return remote instanceof InetSocketAddress socket && socket.getAddress() != null
                && socket.getAddress().isLoopbackAddress();
    }
}
