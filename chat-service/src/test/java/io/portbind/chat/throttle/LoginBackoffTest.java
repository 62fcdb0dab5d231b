package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff's arithmetic, on a clock the test moves by hand. */
class LoginBackoffTest {

    private long now;
    private final LoginBackoff backoff = new LoginBackoff(() -> now);

    @Test
    void fiveFailuresForAnAccountAreFree_eachFurtherOneDoublesTheWait() {
        fail("net", "romeo", 5);
        assertFalse(backoff.blocks("net", "romeo"));

        fail("net", "romeo", 1);
        assertTrue(backoff.blocks("net", "romeo"));
        assertTrue(backoff.blocks("elsewhere", "romeo"), "the account waits wherever the next try comes from");
        assertFalse(backoff.blocks("net", "juliet"), "other accounts do not");
        advance(LoginBackoff.FIRST_WAIT);
        assertFalse(backoff.blocks("net", "romeo"));

        fail("net", "romeo", 1);
        advance(LoginBackoff.FIRST_WAIT);
        assertTrue(backoff.blocks("net", "romeo"), "the seventh failure waits twice as long");
        advance(LoginBackoff.FIRST_WAIT);
        assertFalse(backoff.blocks("net", "romeo"));
    }

    @Test
    void theWaitStopsGrowingAtFiveMinutes() {
        fail("net", "romeo", 40);
        advance(LoginBackoff.LONGEST_WAIT.minusSeconds(1));
        assertTrue(backoff.blocks("net", "romeo"));
        advance(Duration.ofSeconds(1));
        assertFalse(backoff.blocks("net", "romeo"));
    }

    @Test
    void aNetworkMayFailTenTimes_overAnyNames_beforeItWaits() {
        for (int i = 0; i < 10; i++) {
            backoff.failed("net", "name" + i);
        }
        assertFalse(backoff.blocks("net", null));
        backoff.failed("net", null);
        assertTrue(backoff.blocks("net", null));
        assertTrue(backoff.blocks("net", "juliet"), "whichever account it names");
    }

    @Test
    void aSuccessClearsTheAccount_butNotTheNetwork() {
        fail("net", "romeo", 11);
        backoff.succeeded("romeo");
        assertFalse(backoff.blocks("elsewhere", "romeo"));
        assertTrue(backoff.blocks("net", null));
    }

    @Test
    void fifteenQuietMinutesForgetEverything() {
        fail("net", "romeo", 11);
        advance(Duration.ofMinutes(15));
        fail("net", "romeo", 1);
        assertFalse(backoff.blocks("net", "romeo"), "counting starts again from one");
    }

    private void fail(String network, String account, int times) {
        for (int i = 0; i < times; i++) {
            backoff.failed(network, account);
        }
    }

    private void advance(Duration duration) {
        now += duration.toNanos();
    }
}
