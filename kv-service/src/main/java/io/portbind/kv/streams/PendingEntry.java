package io.portbind.kv.streams;

/**
 * An entry delivered to a consumer of a group and not yet acknowledged (Redis's {@code streamNACK}): in the
 * group's PEL and in its consumer's, the same object in both.
 */
public final class PendingEntry {

    private Consumer consumer;
    private long deliveryTime;
    private long deliveryCount;

    public PendingEntry(Consumer consumer, long deliveryTime, long deliveryCount) {
        this.consumer = consumer;
        this.deliveryTime = deliveryTime;
        this.deliveryCount = deliveryCount;
    }

    /** The owner, or null for a moment while XCLAIM FORCE creates the entry. */
    public Consumer consumer() {
        return consumer;
    }

    void consumer(Consumer owner) {
        consumer = owner;
    }

    /** Unix milliseconds of the last delivery. */
    public long deliveryTime() {
        return deliveryTime;
    }

    void deliveryTime(long unixMillis) {
        deliveryTime = unixMillis;
    }

    public long deliveryCount() {
        return deliveryCount;
    }

    void deliveryCount(long count) {
        deliveryCount = count;
    }
}
