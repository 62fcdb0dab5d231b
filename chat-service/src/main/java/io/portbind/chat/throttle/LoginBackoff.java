package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Makes password guessing slow across connections and reconnects. Failed logins are counted per account
 * name and per client network; once either has failed more than its allowance lately, each further
 * failure doubles the time during which that name or network may not try at all, from one second up to
 * five minutes. Names without an account are counted like real ones, so the backoff tells nothing about
 * which exist. A key is forgotten after fifteen quiet minutes. A successful login clears its account's
 * count but not its network's: an attacker with an account of its own could otherwise clear the way.
 */
public final class LoginBackoff {

    /** Failures per account name before the backoff starts: RFC 6120 section 6.4.5's retries on one stream. */
    static final int ACCOUNT_ALLOWANCE = 5;
    /** More failures per network, since several people may share one address behind NAT. */
    static final int NETWORK_ALLOWANCE = 10;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final Duration MEMORY = Duration.ofMinutes(15);
    /** Keys per table: an attacker making up names or addresses cannot make it grow past this. */
    private static final int CAPACITY = 10_000;

    private final RecentEvents<String> byAccount;
    private final RecentEvents<String> byNetwork;
    private final LongSupplier clock;

    public LoginBackoff() {
        this(System::nanoTime);
    }

    LoginBackoff(LongSupplier clock) {
        this.byAccount = new RecentEvents<>(CAPACITY, MEMORY, clock);
        this.byNetwork = new RecentEvents<>(CAPACITY, MEMORY, clock);
        this.clock = clock;
    }

    /** Whether a login from {@code network} as {@code account} ({@code null} while not yet named) must wait. */
    public boolean blocks(String network, String account) {
        return waiting(byNetwork.tally(network), NETWORK_ALLOWANCE)
                || account != null && waiting(byAccount.tally(account), ACCOUNT_ALLOWANCE);
    }

    /** Counts a wrong password or unknown name; {@code account} is {@code null} when the name was not valid. */
    public void failed(String network, String account) {
        byNetwork.record(network);
        if (account != null) {
            byAccount.record(account);
        }
    }

    public void succeeded(String account) {
        byAccount.forget(account);
    }

    private boolean waiting(RecentEvents.Tally tally, int allowance) {
        if (tally.count() <= allowance) {
            return false;
        }
        // Past twenty doublings the longest wait has long been reached; the bound keeps the shift from overflowing.
        int doublings = Math.min(tally.count() - allowance - 1, 20);
        long wait = Math.min(LONGEST_WAIT.toNanos(), FIRST_WAIT.toNanos() << doublings);
        return clock.getAsLong() - tally.lastNanos() < wait;
    }
}
