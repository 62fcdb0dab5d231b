package io.portbind.kv.streams;

import io.portbind.kv.keyspace.CollectionValue;
import io.portbind.kv.keyspace.MemoryEstimate;
import io.portbind.kv.keyspace.ValueType;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A stream: entries by id, each an array of alternating fields and values, plus what Redis's {@code stream}
 * keeps beside them (last generated id, entries ever added, largest deleted id) and its consumer groups. The
 * entries are also counted into {@link StreamNode}s as Redis packs them into listpacks, so that node boundaries,
 * and so approximate trimming and {@code XINFO}'s radix-tree figures, are Redis's.
 */
public final class StreamValue extends CollectionValue {

    /** Redis's defaults for {@code stream-node-max-entries} and {@code stream-node-max-bytes}. */
    static final int NODE_MAX_ENTRIES = 100;
    static final int NODE_MAX_BYTES = 4096;

    /** Per entry: a TreeMap node (five references, a boolean), its id and its array. */
    private static final long ENTRY_OVERHEAD = MemoryEstimate.object(5, 1) + MemoryEstimate.object(0, 16);

    private final TreeMap<StreamId, byte[][]> entries = new TreeMap<>();
    private final TreeMap<StreamId, StreamNode> nodes = new TreeMap<>();
    private final TreeMap<byte[], ConsumerGroup> groups = new TreeMap<>(Arrays::compareUnsigned);
    private StreamId lastId = StreamId.MIN;
    private StreamId maxDeletedId = StreamId.MIN;
    private long entriesAdded;
    private long entryBytes;

    @Override
    public ValueType type() {
        return ValueType.STREAM;
    }

    /** A stream is kept when empty (XDEL and XTRIM never delete the key), as in Redis. */
    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public String encoding() {
        return "stream";
    }

    @Override
    public long memoryUsage() {
        long groupBytes = 0;
        for (ConsumerGroup group : groups.values()) {
            groupBytes += MemoryEstimate.object(4, 16) + (long) group.pending().size() * (ENTRY_OVERHEAD * 2
                    + MemoryEstimate.object(1, 16));
            for (Consumer consumer : group.consumers().values()) {
                groupBytes += MemoryEstimate.object(2, 8) + MemoryEstimate.bytes(consumer.name());
            }
        }
        return MemoryEstimate.object(6, 16) + entryBytes + (long) nodes.size() * MemoryEstimate.object(4, 16)
                + groupBytes;
    }

    @Override
    public StreamValue copy() {
        StreamValue copy = new StreamValue();
        copy.entries.putAll(entries);
        for (Map.Entry<StreamId, StreamNode> node : nodes.entrySet()) {
            copy.nodes.put(node.getKey(), node.getValue().copy());
        }
        for (Map.Entry<byte[], ConsumerGroup> group : groups.entrySet()) {
            copy.groups.put(group.getKey(), group.getValue().copy());
        }
        copy.lastId = lastId;
        copy.maxDeletedId = maxDeletedId;
        copy.entriesAdded = entriesAdded;
        copy.entryBytes = entryBytes;
        return copy;
    }

    public long length() {
        return entries.size();
    }

    public StreamId lastId() {
        return lastId;
    }

    public StreamId maxDeletedId() {
        return maxDeletedId;
    }

    public long entriesAdded() {
        return entriesAdded;
    }

    /** The first live entry's id, 0-0 when empty (Redis's {@code first_id}). */
    public StreamId firstId() {
        return entries.isEmpty() ? StreamId.MIN : entries.firstKey();
    }

    /** XSETID: the last id, and optionally the added count and the largest deleted id. */
    public void setIds(StreamId last, long added, StreamId maxDeleted) {
        lastId = last;
        entriesAdded = added;
        maxDeletedId = maxDeleted;
    }

    /** Live entries by id. */
    public NavigableMap<StreamId, byte[][]> entries() {
        return entries;
    }

    /** The nodes by master id, for the RDB writer and XINFO. */
    public NavigableMap<StreamId, StreamNode> nodes() {
        return nodes;
    }

    public TreeMap<byte[], ConsumerGroup> groups() {
        return groups;
    }

    /**
     * Appends an entry with an id greater than every other: into the tail node, or into a new one when the tail
     * is full by Redis's rules (its listpack plus the new field and value bytes reaching the byte limit, or its
     * live and deleted entries the entry limit).
     */
    public void append(StreamId id, byte[][] fieldsAndValues) {
        Map.Entry<StreamId, StreamNode> tail = nodes.lastEntry();
        StreamNode node = tail == null ? null : tail.getValue();
        long rawBytes = 0;
        for (byte[] element : fieldsAndValues) {
            rawBytes += element.length;
        }
        if (node == null || node.bytes() + rawBytes >= NODE_MAX_BYTES || node.total() >= NODE_MAX_ENTRIES) {
            node = startNode(id, fieldsOf(fieldsAndValues));
        }
        node.append(id, fieldsAndValues, false);
        entries.put(id, fieldsAndValues);
        entryBytes += entryBytes(fieldsAndValues);
        lastId = id;
        entriesAdded++;
    }

    /** Starts a node loaded from a file, whose entries {@link #load} adds next. */
    public StreamNode startNode(StreamId masterId, byte[][] masterFields) {
        StreamNode node = new StreamNode(masterId, masterFields);
        nodes.put(masterId, node);
        return node;
    }

    /** Adds a loaded entry, live or deleted, to the last node started; ids, counters and groups come separately. */
    public void load(StreamId id, byte[][] fieldsAndValues, boolean deleted) {
        nodes.lastEntry().getValue().append(id, fieldsAndValues, deleted);
        if (!deleted) {
            entries.put(id, fieldsAndValues);
            entryBytes += entryBytes(fieldsAndValues);
        }
    }

    /** Deletes a live entry (XDEL); false when there is none with that id. Records the largest deleted id. */
    public boolean delete(StreamId id) {
        if (!removeEntry(id)) {
            return false;
        }
        if (id.compareTo(maxDeletedId) > 0) {
            maxDeletedId = id;
        }
        return true;
    }

    private boolean removeEntry(StreamId id) {
        byte[][] removed = entries.remove(id);
        if (removed == null) {
            return false;
        }
        entryBytes -= entryBytes(removed);
        Map.Entry<StreamId, StreamNode> holder = nodes.floorEntry(id);
        StreamNode node = holder.getValue();
        if (node.live() == 1) {
            nodes.remove(holder.getKey());
        } else {
            node.markDeleted();
        }
        return true;
    }

    /**
     * Trims as Redis's streamTrim: whole nodes from the head while they may all go; then, unless approximate,
     * entries of the next node one by one. {@code limit} (0 for none) caps the entries removed, node by node.
     * Returns how many were removed.
     */
    long trim(Trim trim) {
        long removed = 0;
        while (!nodes.isEmpty()) {
            if (trim.strategy() == Trim.Strategy.MAXLEN && length() <= trim.maxLength()) {
                break;
            }
            StreamNode node = nodes.firstEntry().getValue();
            if (trim.limit() > 0 && removed + node.live() > trim.limit()) {
                break;
            }
            boolean wholeNode = trim.strategy() == Trim.Strategy.MAXLEN
                    ? length() - node.live() >= trim.maxLength()
                    : node.lastId().compareTo(trim.minId()) < 0;
            if (wholeNode) {
                removed += dropNode(node);
                continue;
            }
            if (trim.approximate()) {
                break;
            }
            StreamId next = node.masterId();
            while (true) {
                Map.Entry<StreamId, byte[][]> first = entries.ceilingEntry(next);
                if (first == null || first.getKey().compareTo(node.lastId()) > 0) {
                    break;
                }
                boolean stop = trim.strategy() == Trim.Strategy.MAXLEN ? length() <= trim.maxLength()
                        : first.getKey().compareTo(trim.minId()) >= 0;
                if (stop) {
                    break;
                }
                removeEntry(first.getKey());
                removed++;
                next = first.getKey();
            }
            break;
        }
        return removed;
    }

    private long dropNode(StreamNode node) {
        NavigableMap<StreamId, byte[][]> held = entries.subMap(node.masterId(), true, node.lastId(), true);
        long count = held.size();
        for (byte[][] entry : held.values()) {
            entryBytes -= entryBytes(entry);
        }
        held.clear();
        nodes.remove(node.masterId());
        return count;
    }

    private static byte[][] fieldsOf(byte[][] fieldsAndValues) {
        byte[][] fields = new byte[fieldsAndValues.length / 2][];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fieldsAndValues[2 * i];
        }
        return fields;
    }

    private static long entryBytes(byte[][] fieldsAndValues) {
        long bytes = ENTRY_OVERHEAD + MemoryEstimate.references(fieldsAndValues.length);
        for (byte[] element : fieldsAndValues) {
            bytes += MemoryEstimate.bytes(element);
        }
        return bytes;
    }
}
