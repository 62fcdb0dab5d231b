package io.portbind.kv.streams;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group of a stream (Redis's {@code streamCG}): the last id delivered, the logical count of entries
 * read up to it ({@link #INVALID_ENTRIES_READ} when unknown), the PEL and the consumers, both in Redis's rax order.
 */
public final class ConsumerGroup {

    /** Redis's SCG_INVALID_ENTRIES_READ: the group's read counter is not known. */
    public static final long INVALID_ENTRIES_READ = -1;

    private StreamId lastId;
    private long entriesRead;
    private final TreeMap<StreamId, PendingEntry> pending = new TreeMap<>();
    private final TreeMap<byte[], Consumer> consumers = new TreeMap<>(Arrays::compareUnsigned);

    public ConsumerGroup(StreamId lastId, long entriesRead) {
        this.lastId = lastId;
        this.entriesRead = entriesRead;
    }

    public StreamId lastId() {
        return lastId;
    }

    public long entriesRead() {
        return entriesRead;
    }

    /** Sets what XGROUP SETID (and a delivery) moves: the last delivered id and its read counter. */
    public void position(StreamId id, long read) {
        lastId = id;
        entriesRead = read;
    }

    public TreeMap<StreamId, PendingEntry> pending() {
        return pending;
    }

    public TreeMap<byte[], Consumer> consumers() {
        return consumers;
    }

    /** The named consumer, created when absent, marked seen at {@code now}. */
    Consumer consumer(byte[] name, long now) {
        Consumer consumer = consumers.get(name);
        if (consumer == null) {
            consumer = new Consumer(name, now);
            consumers.put(name, consumer);
        }
        consumer.seen(now);
        return consumer;
    }

    /** Removes {@code id} from the PEL and from its owner's; false when it was not pending. */
    boolean acknowledge(StreamId id) {
        PendingEntry entry = pending.remove(id);
        if (entry == null) {
            return false;
        }
        entry.consumer().pending().remove(id);
        return true;
    }

    /** Deletes a consumer and its pending entries from the group's PEL; returns how many it had. */
    int deleteConsumer(byte[] name) {
        Consumer consumer = consumers.remove(name);
        if (consumer == null) {
            return 0;
        }
        for (StreamId id : consumer.pending().keySet()) {
            pending.remove(id);
        }
        return consumer.pending().size();
    }

    /** Gives {@code entry} (pending under {@code id}) to {@code owner}, moving it between consumer PELs. */
    static void assign(StreamId id, PendingEntry entry, Consumer owner) {
        if (entry.consumer() != owner) {
            if (entry.consumer() != null) {
                entry.consumer().pending().remove(id);
            }
            owner.pending().put(id, entry);
            entry.consumer(owner);
        }
    }

    /** An independent copy: its own consumers and pending entries. */
    ConsumerGroup copy() {
        ConsumerGroup copy = new ConsumerGroup(lastId, entriesRead);
        for (Map.Entry<byte[], Consumer> each : consumers.entrySet()) {
            Consumer original = each.getValue();
            Consumer twin = new Consumer(original.name(), original.seenTime());
            copy.consumers.put(each.getKey(), twin);
            for (Map.Entry<StreamId, PendingEntry> held : original.pending().entrySet()) {
                PendingEntry entry = held.getValue();
                PendingEntry twinEntry = new PendingEntry(twin, entry.deliveryTime(), entry.deliveryCount());
                twin.pending().put(held.getKey(), twinEntry);
                copy.pending.put(held.getKey(), twinEntry);
            }
        }
        return copy;
    }
}
