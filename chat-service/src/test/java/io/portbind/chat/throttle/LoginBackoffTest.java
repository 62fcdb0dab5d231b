package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff's arithmetic, on a clock the test moves by hand. */
class LoginBackoffTest {

    private long now;
    private final LoginBackoff backoff = new LoginBackoff((kind, memory) -> new RecentEvents(100, memory, () -> now));

    @Test
    void fiveFailuresForAnAccountAreFree_eachFurtherOneDoublesTheWait() {
        fail("net", "romeo", 5);
        assertFalse(blocks("net", "romeo"));

        fail("net", "romeo", 1);
        assertTrue(blocks("net", "romeo"));
        assertTrue(blocks("elsewhere", "romeo"), "the account waits wherever the next try comes from");
        assertFalse(blocks("net", "juliet"), "other accounts do not");
        advance(LoginBackoff.FIRST_WAIT);
        assertFalse(blocks("net", "romeo"));

        fail("net", "romeo", 1);
        advance(LoginBackoff.FIRST_WAIT);
        assertTrue(blocks("net", "romeo"), "the seventh failure waits twice as long");
        advance(LoginBackoff.FIRST_WAIT);
        assertFalse(blocks("net", "romeo"));
    }

    @Test
    void theWaitStopsGrowingAtFiveMinutes() {
        fail("net", "romeo", 40);
        advance(LoginBackoff.LONGEST_WAIT.minusSeconds(1));
        assertTrue(blocks("net", "romeo"));
        advance(Duration.ofSeconds(1));
        assertFalse(blocks("net", "romeo"));
    }

    @Test
    void aNetworkMayFailTenTimes_overAnyNames_beforeItWaits() {
        for (int i = 0; i < 10; i++) {
            backoff.failed("net", "name" + i);
        }
        assertFalse(blocks("net", null));
        backoff.failed("net", null);
        assertTrue(blocks("net", null));
        assertTrue(blocks("net", "juliet"), "whichever account it names");
    }

    @Test
    void aSuccessClearsTheAccount_butNotTheNetwork() {
        fail("net", "romeo", 11);
        backoff.succeeded("romeo");
        assertFalse(blocks("elsewhere", "romeo"));
        assertTrue(blocks("net", null));
    }

    @Test
    void fifteenQuietMinutesForgetEverything() {
        fail("net", "romeo", 11);
        advance(Duration.ofMinutes(15));
        fail("net", "romeo", 1);
        assertFalse(blocks("net", "romeo"), "counting starts again from one");
    }

    private void fail(String network, String account, int times) {
        for (int i = 0; i < times; i++) {
            backoff.failed(network, account);
        }
    }

    private boolean blocks(String network, String account) {
        return backoff.blocks(network, account).toCompletableFuture().join();
    }

    private void advance(Duration duration) {
        now += duration.toNanos();
    }
}
