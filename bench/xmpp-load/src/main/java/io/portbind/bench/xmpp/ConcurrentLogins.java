package io.portbind.bench.xmpp;

import io.netty.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Starts logins one after another with at most {@code concurrency} in flight, stopping at {@code count}
 * or at the deadline, whichever comes first, and waits for the ones in flight to finish.
 */
final class ConcurrentLogins {

    /** Told about each session that finished logging in, on that session's event loop. */
    interface ReadyHandler {
        void ready(int index, XmppSession session);
    }

    /** What happened: how many logins succeeded and failed, how long it took, and the first failure. */
    record Outcome(int succeeded, int failed, long elapsedNanos, String firstFailure) {
        double perSecond() {
            return elapsedNanos == 0 ? 0 : succeeded * 1e9 / elapsedNanos;
        }
    }

    private ConcurrentLogins() {
    }

    static Outcome run(int count, int concurrency, long deadlineNanos, IntFunction<Future<XmppSession>> login,
                       ReadyHandler onReady) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            int index = i;
            login.apply(index).addListener((Future<XmppSession> done) -> {
                if (done.isSuccess()) {
                    succeeded.incrementAndGet();
                    onReady.ready(index, done.getNow());
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, String.valueOf(done.cause()));
                }
                inFlight.release();
            });
        }
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        if (!inFlight.tryAcquire(concurrency, left, TimeUnit.NANOSECONDS)) {
            firstFailure.compareAndSet(null, "logins still in flight at the deadline");
        }
        return new Outcome(succeeded.get(), failed.get(), System.nanoTime() - start, firstFailure.get());
    }
}
