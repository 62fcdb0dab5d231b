package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.config.InvalidValueException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The registration limit over in-memory counters on a clock the test moves by hand. */
class RegistrationLimitTest {

    private static final SocketAddress STRANGER = new InetSocketAddress("192.0.2.7", 40000);
    private static final SocketAddress OTHER_STRANGER = new InetSocketAddress("198.51.100.1", 40000);
    private static final SocketAddress OPERATOR = new InetSocketAddress("127.0.0.1", 40000);

    private long now;
    private final WindowCounters counters = new InMemoryWindowCounters(100, () -> now);
    private final TrustedNetworks loopback = parse(TrustedNetworks.DEFAULT);
    private final RegistrationLimit limit = new RegistrationLimit(3, Duration.ofSeconds(60));

    @Test
    void threeInAWindow_thenWaitUntilItEnds_networkByNetwork() {
        for (int i = 0; i < 3; i++) {
            assertTrue(allows(STRANGER));
        }
        assertFalse(allows(STRANGER));
        assertTrue(allows(OTHER_STRANGER));

        now += Duration.ofSeconds(59).toNanos();
        assertFalse(allows(STRANGER), "59 seconds are not the window");
        now += Duration.ofSeconds(1).toNanos();
        assertTrue(allows(STRANGER), "and refused tries did not stretch the window");
    }

    @Test
    void trustedNetworksAreNeverCounted() {
        for (int i = 0; i < 10; i++) {
            assertTrue(allows(OPERATOR));
        }
    }

    @Test
    void theLimitIsWrittenAsAttemptsPerSeconds() throws Exception {
        assertEquals(new RegistrationLimit(3, Duration.ofSeconds(60)), RegistrationLimit.parse("3/60s"));
        assertEquals(new RegistrationLimit(100, Duration.ofSeconds(1)), RegistrationLimit.parse(" 100/1s "));
        for (String bad : new String[] {"3", "3/60", "0/60s", "3/0s", "-1/60s", "a/60s"}) {
            assertThrows(InvalidValueException.class, () -> RegistrationLimit.parse(bad), bad);
        }
    }

    private boolean allows(SocketAddress remote) {
        return limit.allows(remote, loopback, counters).toCompletableFuture().join();
    }

    private static TrustedNetworks parse(String text) {
        try {
            return TrustedNetworks.parse(text);
        } catch (InvalidValueException e) {
            throw new AssertionError(e);
        }
    }
}
