package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** At most so many connections per client network at once; a closed one frees its place; loopback is exempt. */
class ConnectionsPerNetworkTest {

    private final ConnectionsPerNetwork limit;

    ConnectionsPerNetworkTest() throws Exception {
        limit = new ConnectionsPerNetwork(2, TrustedNetworks.parse(TrustedNetworks.DEFAULT));
    }

    @Test
    void theThirdConnectionFromOneAddressIsRefusedUntilOneCloses() throws Exception {
        InetSocketAddress first = address("192.0.2.7", 40001);
        InetSocketAddress second = address("192.0.2.7", 40002);
        assertTrue(limit.tryOpen(first));
        assertTrue(limit.tryOpen(second));
        assertFalse(limit.tryOpen(address("192.0.2.7", 40003)));
        assertTrue(limit.tryOpen(address("192.0.2.8", 40001)), "another address has its own count");
        limit.closed(first);
        assertTrue(limit.tryOpen(address("192.0.2.7", 40004)));
    }

    @Test
    void oneIpv6Slash64CountsAsOneNetwork() throws Exception {
        assertTrue(limit.tryOpen(address("2001:db8::1", 1)));
        assertTrue(limit.tryOpen(address("2001:db8::2", 1)));
        assertFalse(limit.tryOpen(address("2001:db8::ffff", 1)));
    }

    @Test
    void loopbackIsExempt() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertTrue(limit.tryOpen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000 + i)));
        }
    }

    private static InetSocketAddress address(String literal, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }
}
