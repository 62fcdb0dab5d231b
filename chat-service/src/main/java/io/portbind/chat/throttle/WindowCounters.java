package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Events counted per key in fixed windows: the first event of a key opens a window of the given length, and
 * the count starts again from nothing once it has passed. Kept in the RESP store when there is one, so that
 * a limit holds across every node of the server.
 */
public interface WindowCounters {

    /**
     * Counts one more event of {@code kind} (such as {@code registrations}) for {@code key}; completes with the
     * count in its window, this event included.
     */
    CompletionStage<Long> increment(String kind, String key, Duration window);
}
