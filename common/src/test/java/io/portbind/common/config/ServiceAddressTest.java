package io.portbind.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceAddressTest {

    @ParameterizedTest(name = "{0} port {1}")
    @CsvSource({
        "0.0.0.0,   32000, http://localhost:32000",
        "::,        32000, http://localhost:32000",
        "127.0.0.1, 41234, http://127.0.0.1:41234",
        "::1,       41234, http://[0:0:0:0:0:0:0:1]:41234",
    })
    void aServiceIsReachedAtItsBindAddressOrLocalhostForAWildcard(String bind, int port, String url)
            throws Exception {
        assertEquals(url, ServiceAddress.local("http", new InetSocketAddress(InetAddress.getByName(bind), port))
                .toString());
    }
}
