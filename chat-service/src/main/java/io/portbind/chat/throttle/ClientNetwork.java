package io.portbind.chat.throttle;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HexFormat;

/**
 * The network a client connects from, as limits count it: its IPv4 address, or the /64 prefix of its
 * IPv6 address, since one subscriber is usually given a whole /64 and could take a new address from it
 * for every attempt.
 */
public final class ClientNetwork {

    private static final int IPV6_PREFIX_BYTES = 8;

    private ClientNetwork() {
    }

    public static String of(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return String.valueOf(remote);
        }
        if (socket.getAddress() instanceof Inet6Address ipv6) {
            return HexFormat.of().formatHex(ipv6.getAddress(), 0, IPV6_PREFIX_BYTES) + "/64";
        }
        return socket.getAddress().getHostAddress();
    }
}
