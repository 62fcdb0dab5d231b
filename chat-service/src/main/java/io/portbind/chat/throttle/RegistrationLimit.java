package io.portbind.chat.throttle;

import io.portbind.common.config.InvalidValueException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * In-band registrations per client network ({@code CHAT_REGISTRATION_LIMIT}, {@code 3/60s} by default): at
 * most so many attempts in a window that opens with the first, in the spirit of Prosody's
 * mod_register_limits. Attempts that reach the account store count, taken names included, since each costs
 * a PBKDF2 derivation and tells whether the name exists. Clients from {@link TrustedNetworks} are not counted.
 *
 * @param attempts  attempts allowed per window
 * @param window    how long a window lasts
 */
public record RegistrationLimit(int attempts, Duration window) {

    public static final String DEFAULT = "3/60s";
    private static final String COUNTER = "registrations";

    /** {@code attempts/seconds}s, such as {@code 3/60s}. */
    public static RegistrationLimit parse(String text) throws InvalidValueException {
        String trimmed = text.strip();
        if (!trimmed.matches("[0-9]{1,6}/[0-9]{1,7}s")) {
            throw new InvalidValueException("expected attempts per window such as " + DEFAULT);
        }
        int slash = trimmed.indexOf('/');
        int attempts = Integer.parseInt(trimmed.substring(0, slash));
        long seconds = Long.parseLong(trimmed.substring(slash + 1, trimmed.length() - 1));
        if (attempts < 1 || seconds < 1) {
            throw new InvalidValueException("expected at least one attempt in a window of at least 1s");
        }
        return new RegistrationLimit(attempts, Duration.ofSeconds(seconds));
    }

    /** Whether a client at {@code remote} may register now; if so, and it is not trusted, the attempt counts. */
    public CompletionStage<Boolean> allows(SocketAddress remote, TrustedNetworks trusted, WindowCounters counters) {
        if (trusted.contains(remote)) {
            return CompletableFuture.completedFuture(true);
        }
        return counters.increment(COUNTER, ClientNetwork.of(remote), window)
                .thenApply(count -> count <= attempts);
    }
}
