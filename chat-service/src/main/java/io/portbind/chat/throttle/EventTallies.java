package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * How many events (failed logins) each key (an account name, a client network) had lately. A key is forgotten
 * once it has been quiet for the memory span. In the RESP store when there is one, so that a throttle holds
 * across every node and across restarts; counting is fire-and-forget, reading waits for the answer.
 */
public interface EventTallies {

    /**
     * @param count           events since the key was last forgotten
     * @param nanosSinceLast  how long ago the latest happened
     */
    record Tally(int count, long nanosSinceLast) {

        public static final Tally NONE = new Tally(0, Long.MAX_VALUE);
    }

    /** Where tallies of one kind ({@code login-failures:account}, ...) are kept. */
    interface Source {

        EventTallies tallies(String kind, Duration memory);
    }

    CompletionStage<Tally> tally(String key);

    /** Counts one more event for {@code key}, now. */
    void record(String key);

    void forget(String key);
}
