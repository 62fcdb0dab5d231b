package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * In-band registrations per client network, in the spirit of Prosody's registration throttle: a network
 * may create a few accounts in a row, then must let a minute pass without trying before it may create
 * more. Attempts that reach the account store count, taken names included, since each costs a PBKDF2
 * derivation and tells whether the name exists.
 */
public final class RegistrationLimit {

    static final int BURST = 3;
    static final Duration QUIET = Duration.ofMinutes(1);
    /** Networks remembered at most: a flood of addresses cannot make the table grow past this. */
    private static final int CAPACITY = 10_000;

    private final RecentEvents<String> byNetwork;

    public RegistrationLimit() {
        this(System::nanoTime);
    }

    RegistrationLimit(LongSupplier clock) {
        this.byNetwork = new RecentEvents<>(CAPACITY, QUIET, clock);
    }

    /** Whether {@code network} may register now; if so, the attempt is counted. */
    public synchronized boolean allows(String network) {
        if (byNetwork.tally(network).count() >= BURST) {
            return false;
        }
        byNetwork.record(network);
        return true;
    }
}
