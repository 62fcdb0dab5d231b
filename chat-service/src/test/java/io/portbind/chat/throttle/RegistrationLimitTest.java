package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The registration limit on a clock the test moves by hand. */
class RegistrationLimitTest {

    private long now;
    private final RegistrationLimit limit = new RegistrationLimit(() -> now);

    @Test
    void threeInARow_thenAQuietMinuteBeforeMore_networkByNetwork() {
        for (int i = 0; i < RegistrationLimit.BURST; i++) {
            assertTrue(limit.allows("net"));
        }
        assertFalse(limit.allows("net"));
        assertTrue(limit.allows("elsewhere"));

        now += RegistrationLimit.QUIET.minusSeconds(1).toNanos();
        assertFalse(limit.allows("net"), "59 seconds are not a minute");
        now += Duration.ofSeconds(1).toNanos();
        assertTrue(limit.allows("net"), "and the refused try did not start the minute again");
    }
}
