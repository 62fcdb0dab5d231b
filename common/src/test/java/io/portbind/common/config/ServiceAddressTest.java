package io.portbind.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ServiceAddressTest {

    @Test
    void aWildcardBindIsReachedAsLocalhost() throws Exception {
        assertEquals("http://localhost:32000", ServiceAddress.local("http",
                new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 32000)).toString());
        assertEquals("http://localhost:32000", ServiceAddress.local("http",
                new InetSocketAddress(InetAddress.getByName("::"), 32000)).toString());
    }

    @Test
    void aSpecificBindIsReachedAtItsAddress() throws Exception {
        assertEquals("http://127.0.0.1:41234", ServiceAddress.local("http",
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 41234)).toString());
        assertEquals("http://[0:0:0:0:0:0:0:1]:41234", ServiceAddress.local("http",
                new InetSocketAddress(InetAddress.getByName("::1"), 41234)).toString());
    }
}
