package io.portbind.kv.table;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server-wide counters for INFO stats and errorstats. The command count changes under the keyspace
 * lock (every command runs there anyway), so counting costs no extra synchronization; connections and
 * errors are counted with adders, as they happen on any event loop.
 */
public final class ServerStats {

    /** Redis samples the operation rate every 100 ms and averages the last sixteen samples. */
    private static final long SAMPLE_MILLIS = 100;
    private static final int SAMPLES = 16;

    private long commandsProcessed;
    private final long[] sampleTimes = new long[SAMPLES];
    private final long[] sampleCounts = new long[SAMPLES];
    private int newestSample;
    private final LongAdder connectionsReceived = new LongAdder();
    private final LongAdder connectionsRejected = new LongAdder();
    private final LongAdder fullSyncs = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Counts one executed command at {@code nowMillis}; under the keyspace lock. */
    void commandExecuted(long nowMillis) {
        commandsProcessed++;
        if (nowMillis - sampleTimes[newestSample] >= SAMPLE_MILLIS) {
            newestSample = (newestSample + 1) % SAMPLES;
            sampleTimes[newestSample] = nowMillis;
            sampleCounts[newestSample] = commandsProcessed;
        }
    }

    /** Counts an error reply by its code, the first word ({@code ERR}, {@code WRONGTYPE}). */
    void errorReplied(String error) {
        int space = error.indexOf(' ');
        errors.computeIfAbsent(space < 0 ? error : error.substring(0, space), code -> new LongAdder()).increment();
    }

    public void connectionReceived() {
        connectionsReceived.increment();
    }

    /** A connection refused past {@code maxclients} (Redis's {@code rejected_connections}). */
    public void connectionRejected() {
        connectionsRejected.increment();
    }

    /** A whole snapshot sent to a client that asked with SYNC or PSYNC (Redis's {@code sync_full}). */
    public void fullSyncServed() {
        fullSyncs.increment();
    }

    /** Under the keyspace lock. */
    public long commandsProcessed() {
        return commandsProcessed;
    }

    /**
     * Commands per second over the last 1.6 seconds; under the keyspace lock. Samples are taken as
     * commands run, so when the server was idle the rate is measured since the last sample.
     */
    public long opsPerSecond(long nowMillis) {
        int oldest = newestSample;
        for (int i = 1; i < SAMPLES; i++) {
            int candidate = Math.floorMod(newestSample - i, SAMPLES);
            if (sampleTimes[candidate] == 0 || nowMillis - sampleTimes[candidate] > SAMPLES * SAMPLE_MILLIS) {
                break;
            }
            oldest = candidate;
        }
        long elapsed = nowMillis - sampleTimes[oldest];
        return elapsed <= 0 ? 0 : (commandsProcessed - sampleCounts[oldest]) * 1000 / elapsed;
    }

    public long connectionsReceived() {
        return connectionsReceived.sum();
    }

    public long connectionsRejected() {
        return connectionsRejected.sum();
    }

    public long fullSyncs() {
        return fullSyncs.sum();
    }

    /** Error replies by code, in name order. */
    public Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((code, count) -> counts.put(code, count.sum()));
        return counts;
    }

    public long errorReplies() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** CONFIG RESETSTAT; under the keyspace lock. */
    void reset() {
        commandsProcessed = 0;
        Arrays.fill(sampleTimes, 0);
        Arrays.fill(sampleCounts, 0);
        connectionsReceived.reset();
        connectionsRejected.reset();
        fullSyncs.reset();
        errors.clear();
    }
}
