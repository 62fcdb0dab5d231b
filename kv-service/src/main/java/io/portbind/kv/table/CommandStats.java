package io.portbind.kv.table;

import java.util.concurrent.atomic.LongAdder;

/**
 * One command's line in INFO commandstats. Calls, time and failures change only under the keyspace
 * lock, so they are plain fields; rejections (arity, authentication) happen before the lock is taken.
 */
public final class CommandStats {

    private long calls;
    private long nanos;
    private long failedCalls;
    private final LongAdder rejectedCalls = new LongAdder();

    void executed(long elapsedNanos, boolean failed) {
        calls++;
        nanos += elapsedNanos;
        if (failed) {
            failedCalls++;
        }
    }

    void rejected() {
        rejectedCalls.increment();
    }

    public long calls() {
        return calls;
    }

    public long micros() {
        return nanos / 1000;
    }

    public long failedCalls() {
        return failedCalls;
    }

    public long rejectedCalls() {
        return rejectedCalls.sum();
    }

    /** Whether INFO commandstats lists the command at all (Redis leaves out the ones never called). */
    public boolean isUsed() {
        return calls > 0 || rejectedCalls.sum() > 0;
    }

    void reset() {
        calls = 0;
        nanos = 0;
        failedCalls = 0;
        rejectedCalls.reset();
    }
}
