package io.portbind.kv.eviction;

/**
 * The memory limit and how eviction meets it, with Redis's names and defaults: {@code maxmemory} (bytes,
 * unsigned, 0 for no limit), {@code maxmemory-policy} ({@code noeviction}), {@code maxmemory-samples} (5),
 * {@code maxmemory-eviction-tenacity} (10), {@code lfu-log-factor} (10) and {@code lfu-decay-time} (1 minute).
 * Read by any thread, changed by CONFIG SET under the keyspace lock.
 */
public final class EvictionSettings {

    static final int DEFAULT_SAMPLES = 5;
    static final int DEFAULT_TENACITY = 10;
    static final int DEFAULT_LFU_LOG_FACTOR = 10;
    static final int DEFAULT_LFU_DECAY_TIME = 1;

    private volatile long maxmemory;
    private volatile MaxmemoryPolicy policy;
    private volatile int samples = DEFAULT_SAMPLES;
    private volatile int tenacity = DEFAULT_TENACITY;
    private volatile int lfuLogFactor = DEFAULT_LFU_LOG_FACTOR;
    private volatile int lfuDecayTime = DEFAULT_LFU_DECAY_TIME;

    /** @param maxmemory unsigned bytes, 0 for no limit */
    public EvictionSettings(long maxmemory, MaxmemoryPolicy policy) {
        this.maxmemory = maxmemory;
        this.policy = policy;
    }

    /** No limit, {@code noeviction}: Redis's defaults. */
    public EvictionSettings() {
        this(0, MaxmemoryPolicy.NOEVICTION);
    }

    public long maxmemory() {
        return maxmemory;
    }

    void maxmemory(long bytes) {
        this.maxmemory = bytes;
    }

    public MaxmemoryPolicy policy() {
        return policy;
    }

    void policy(MaxmemoryPolicy value) {
        this.policy = value;
    }

    int samples() {
        return samples;
    }

    void samples(int value) {
        this.samples = value;
    }

    int tenacity() {
        return tenacity;
    }

    void tenacity(int value) {
        this.tenacity = value;
    }

    int lfuLogFactor() {
        return lfuLogFactor;
    }

    void lfuLogFactor(int value) {
        this.lfuLogFactor = value;
    }

    int lfuDecayTime() {
        return lfuDecayTime;
    }

    void lfuDecayTime(int value) {
        this.lfuDecayTime = value;
    }
}
