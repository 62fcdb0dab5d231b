package io.portbind.chat.throttle;

import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many connections one client network ({@link ClientNetwork}) may hold open at once, so that one host cannot
 * take the server's memory by opening connections. The {@link TrustedNetworks} are exempt, as from the
 * registration limit: the server's own machine (loopback by default) runs its tests and load tools.
 */
public final class ConnectionsPerNetwork {

    private final int max;
    private final TrustedNetworks trusted;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    public ConnectionsPerNetwork(int max, TrustedNetworks trusted) {
        this.max = max;
        this.trusted = trusted;
    }

    /** Counts a new connection from {@code remote}; false, counting nothing, when its network has {@code max}. */
    public boolean tryOpen(SocketAddress remote) {
        if (trusted.contains(remote)) {
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
        if (!trusted.contains(remote)) {
            open.computeIfPresent(ClientNetwork.of(remote), (network, count) -> count > 1 ? count - 1 : null);
        }
    }
}
