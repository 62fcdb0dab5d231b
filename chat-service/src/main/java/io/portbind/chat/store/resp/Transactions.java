package io.portbind.chat.store.resp;

import java.util.List;
import java.util.function.Supplier;

/**
 * Optimistic transactions ({@code WATCH}, read, {@code MULTI ... EXEC}) as any RESP store has them, Lua
 * scripting not being one of the things every store offers: an attempt whose watched keys changed before
 * {@code EXEC} is made again, from the read, a bounded number of times.
 */
final class Transactions {

    /** Far more than two nodes racing on one roster item ever need; a bound all the same. */
    private static final int ATTEMPTS = 32;

    /** How one attempt ended: committed (or nothing to write) with a value, or aborted by a watched key. */
    record Outcome<T>(boolean finished, T value) {
    }

    private Transactions() {
    }

    /** Nothing needed writing: the attempt is over with {@code value}. */
    static <T> Outcome<T> done(T value) {
        return new Outcome<>(true, value);
    }

    /** The attempt's {@code EXEC} reply: {@code null} when a watched key changed and it must be made again. */
    static <T> Outcome<T> committed(List<Object> exec, Supplier<T> value) {
        return exec == null ? new Outcome<>(false, null) : new Outcome<>(true, value.get());
    }

    static <T> Outcome<T> committed(List<Object> exec, T value) {
        return committed(exec, () -> value);
    }

    /** Makes {@code attempt} until it finishes; {@code what} names the contended key for the error. */
    static <T> T retry(String what, Supplier<Outcome<T>> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Outcome<T> outcome = attempt.get();
            if (outcome.finished()) {
                return outcome.value();
            }
        }
        throw new IllegalStateException(what + " kept changing during " + ATTEMPTS + " attempts to update it");
    }
}
