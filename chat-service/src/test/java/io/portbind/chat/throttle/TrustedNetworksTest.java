package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.config.InvalidValueException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** CIDR blocks as CHAT_TRUSTED_NETWORKS writes them. */
class TrustedNetworksTest {

    @Test
    void theDefaultTrustsLoopbackOnly() throws Exception {
        TrustedNetworks trusted = TrustedNetworks.parse(TrustedNetworks.DEFAULT);
        assertTrue(trusted.contains(address("127.0.0.1")));
        assertTrue(trusted.contains(address("127.200.3.4")));
        assertTrue(trusted.contains(address("::1")));
        assertFalse(trusted.contains(address("128.0.0.1")));
        assertFalse(trusted.contains(address("10.0.0.1")));
        assertFalse(trusted.contains(address("::2")));
    }

    @Test
    void prefixesNeedNotEndOnAByte() throws Exception {
        TrustedNetworks trusted = TrustedNetworks.parse("10.1.2.0/23, 2001:db8::/33");
        assertTrue(trusted.contains(address("10.1.3.255")));
        assertFalse(trusted.contains(address("10.1.4.0")));
        assertTrue(trusted.contains(address("2001:db8:7fff::1")));
        assertFalse(trusted.contains(address("2001:db8:8000::1")));
        assertTrue(TrustedNetworks.parse("192.0.2.9").contains(address("192.0.2.9")), "a lone address is a /32");
    }

    @Test
    void noneTrustsNobody() throws Exception {
        assertFalse(TrustedNetworks.parse("none").contains(address("127.0.0.1")));
    }

    @Test
    void malformedBlocksAreConfigurationErrors() {
        for (String bad : new String[] {"", "localhost", "127.0.0.0/33", "::/129", "1.2.3.4/x", "127.0.0.1,,"}) {
            assertThrows(InvalidValueException.class, () -> TrustedNetworks.parse(bad), bad);
        }
    }

    private static InetSocketAddress address(String literal) {
        return new InetSocketAddress(literal, 5222);
    }
}
