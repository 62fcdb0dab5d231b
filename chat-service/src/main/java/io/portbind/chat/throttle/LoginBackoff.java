package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Makes password guessing slow across connections, reconnects and nodes. Failed logins are counted per
 * account name and per client network; once either has failed more than its allowance lately, each further
 * failure doubles the time during which that name or network may not try at all, from one second up to five
 * minutes. Names without an account are counted like real ones, so the backoff tells nothing about which
 * exist. A key is forgotten after fifteen quiet minutes. A successful login clears its account's count but
 * not its network's: an attacker with an account of its own could otherwise clear the way.
 */
public final class LoginBackoff {

    /** Failures per account name before the backoff starts: RFC 6120 section 6.4.5's retries on one stream. */
    static final int ACCOUNT_ALLOWANCE = 5;
    /** More failures per network, since several people may share one address behind NAT. */
    static final int NETWORK_ALLOWANCE = 10;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    static final Duration MEMORY = Duration.ofMinutes(15);

    private final EventTallies byAccount;
    private final EventTallies byNetwork;

    public LoginBackoff(EventTallies.Source source) {
        this.byAccount = source.tallies("login-failures:account", MEMORY);
        this.byNetwork = source.tallies("login-failures:network", MEMORY);
    }

    /** Whether a login from {@code network} as {@code account} ({@code null} while not yet named) must wait. */
    public CompletionStage<Boolean> blocks(String network, String account) {
        return byNetwork.tally(network).thenCompose(tally -> {
            if (waiting(tally, NETWORK_ALLOWANCE) || account == null) {
                return CompletableFuture.completedFuture(waiting(tally, NETWORK_ALLOWANCE));
            }
            return byAccount.tally(account).thenApply(accountTally -> waiting(accountTally, ACCOUNT_ALLOWANCE));
        });
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

    private static boolean waiting(EventTallies.Tally tally, int allowance) {
        if (tally.count() <= allowance) {
            return false;
        }
        // Past twenty doublings the longest wait has long been reached; the bound keeps the shift from overflowing.
        int doublings = Math.min(tally.count() - allowance - 1, 20);
        long wait = Math.min(LONGEST_WAIT.toNanos(), FIRST_WAIT.toNanos() << doublings);
        return tally.nanosSinceLast() < wait;
    }
}
