package io.portbind.kv.rdb;

import io.portbind.kv.streams.Consumer;
import io.portbind.kv.streams.ConsumerGroup;
import io.portbind.kv.streams.PendingEntry;
import io.portbind.kv.streams.StreamId;
import io.portbind.kv.streams.StreamNode;
import io.portbind.kv.streams.StreamValue;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams in Redis 7.0's RDB form, STREAM_LISTPACKS_2 (rdbSaveObject and rdbLoadObject for OBJ_STREAM): the nodes
 * of the rax, each its 16-byte big-endian master id and its listpack; the length, last id, first id, largest
 * deleted id and entries added; then each group with its last id, read counter, PEL (id, delivery time, count)
 * and consumers (name, seen time, the ids of their PEL). A node's listpack holds a master entry (live count,
 * deleted count, the master fields, a closing 0) and then each entry as flags, id deltas from the master id,
 * the fields unless they are the master's, the values, and its element count. Only live entries are written;
 * deleted ones in a file read as the node's deleted entries.
 */
final class StreamCodec {

    private static final int FLAG_DELETED = 1;
    private static final int FLAG_SAME_FIELDS = 2;
    private static final int ID_BYTES = StreamId.KEY_BYTES;

    private StreamCodec() {
    }

    static void write(RdbOutput out, StreamValue stream) throws IOException {
        Map<StreamId, StreamNode> nodes = stream.nodes();
        out.writeLength(nodes.size());
        for (StreamNode node : nodes.values()) {
            out.writeString(node.masterId().toKey());
            out.writeString(listpack(stream, node));
        }
        out.writeLength(stream.length());
        writeId(out, stream.lastId());
        writeId(out, stream.firstId());
        writeId(out, stream.maxDeletedId());
        out.writeLength(stream.entriesAdded());
        out.writeLength(stream.groups().size());
        for (Map.Entry<byte[], ConsumerGroup> each : stream.groups().entrySet()) {
            ConsumerGroup group = each.getValue();
            out.writeString(each.getKey());
            writeId(out, group.lastId());
            out.writeLength(group.entriesRead());
            out.writeLength(group.pending().size());
            for (Map.Entry<StreamId, PendingEntry> held : group.pending().entrySet()) {
                out.writeBytes(held.getKey().toKey());
                out.writeLittleEndian(held.getValue().deliveryTime(), 8);
                out.writeLength(held.getValue().deliveryCount());
            }
            out.writeLength(group.consumers().size());
            for (Consumer consumer : group.consumers().values()) {
                out.writeString(consumer.name());
                out.writeLittleEndian(consumer.seenTime(), 8);
                out.writeLength(consumer.pending().size());
                for (StreamId id : consumer.pending().keySet()) {
                    out.writeBytes(id.toKey());
                }
            }
        }
    }

    private static byte[] listpack(StreamValue stream, StreamNode node) {
        Map<StreamId, byte[][]> live = stream.entries().subMap(node.masterId(), true, node.lastId(), true);
        byte[][] master = node.masterFields();
        Listpack.Builder lp = new Listpack.Builder();
        integer(lp, live.size());
        integer(lp, 0);
        integer(lp, master.length);
        for (byte[] field : master) {
            lp.add(field);
        }
        integer(lp, 0);
        for (Map.Entry<StreamId, byte[][]> entry : live.entrySet()) {
            StreamId id = entry.getKey();
            byte[][] fieldsAndValues = entry.getValue();
            boolean same = node.sameFields(fieldsAndValues);
            int fields = fieldsAndValues.length / 2;
            integer(lp, same ? FLAG_SAME_FIELDS : 0);
            integer(lp, id.ms() - node.masterId().ms());
            integer(lp, id.seq() - node.masterId().seq());
            if (!same) {
                integer(lp, fields);
            }
            for (int i = same ? 1 : 0; i < fieldsAndValues.length; i += same ? 2 : 1) {
                lp.add(fieldsAndValues[i]);
            }
            integer(lp, fields + 3 + (same ? 0 : fields + 1));
        }
        return lp.toBytes();
    }

    private static void integer(Listpack.Builder lp, long value) {
        lp.add(CanonicalInteger.text(value));
    }

    private static void writeId(RdbOutput out, StreamId id) throws IOException {
        out.writeLength(id.ms());
        out.writeLength(id.seq());
    }

    /** A stream of type STREAM_LISTPACKS ({@code second} false: Redis 5 to 6.2) or STREAM_LISTPACKS_2. */
    static StreamValue read(RdbInput in, boolean second) throws IOException {
        StreamValue stream = new StreamValue();
        long nodes = in.readLength("stream node count");
        for (long n = 0; n < nodes; n++) {
            long at = in.offset();
            byte[] key = in.readString("stream node key");
            if (key.length != ID_BYTES) {
                throw in.corruptAt(at, "stream node key is not the size of a stream ID");
            }
            at = in.offset();
            byte[] blob = in.readString("stream listpack");
            try {
                readNode(stream, StreamId.fromKey(key), Listpack.entries(blob));
            } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
                throw in.corruptAt(at, "invalid stream listpack: " + malformed.getMessage());
            }
        }
        long length = in.readLength("stream length");
        if (length != stream.length()) {
            throw in.corrupt("stream length " + length + " but its nodes hold " + stream.length() + " entries");
        }
        StreamId last = readId(in, "stream last id");
        StreamId maxDeleted = StreamId.MIN;
        long added = length;
        if (second) {
            readId(in, "stream first id"); // the first live entry, which the entries give
            maxDeleted = readId(in, "stream max deleted id");
            added = in.readLength("stream entries added");
        }
        stream.setIds(last, added, maxDeleted);
        long groups = in.readLength("stream group count");
        for (long g = 0; g < groups; g++) {
            readGroup(in, stream, second);
        }
        return stream;
    }

    private static void readGroup(RdbInput in, StreamValue stream, boolean second) throws IOException {
        byte[] name = in.readString("consumer group name");
        StreamId lastId = readId(in, "consumer group last id");
        long entriesRead = second ? in.readLength("consumer group entries read")
                : ConsumerGroup.INVALID_ENTRIES_READ;
        ConsumerGroup group = new ConsumerGroup(lastId, entriesRead);
        stream.groups().put(name, group);
        long pending = in.readLength("PEL size");
        for (long p = 0; p < pending; p++) {
            StreamId id = StreamId.fromKey(in.readBytes(ID_BYTES, "PEL id"));
            long deliveryTime = in.readLittleEndian(8, "PEL delivery time");
            long count = in.readLength("PEL delivery count");
            group.pending().put(id, new PendingEntry(null, deliveryTime, count));
        }
        long consumers = in.readLength("consumer count");
        for (long c = 0; c < consumers; c++) {
            byte[] consumerName = in.readString("consumer name");
            Consumer consumer = new Consumer(consumerName, in.readLittleEndian(8, "consumer seen time"));
            group.consumers().put(consumerName, consumer);
            long own = in.readLength("consumer PEL size");
            for (long p = 0; p < own; p++) {
                long at = in.offset();
                StreamId id = StreamId.fromKey(in.readBytes(ID_BYTES, "consumer PEL id"));
                PendingEntry entry = group.pending().get(id);
                if (entry == null) {
                    throw in.corruptAt(at, "consumer entry not found in group global PEL");
                }
                entry.owner(consumer, id);
            }
        }
        for (PendingEntry entry : group.pending().values()) {
            if (entry.consumer() == null) {
                throw in.corrupt("a pending entry of group " + Arrays.toString(name) + " has no consumer");
            }
        }
    }

    private static void readNode(StreamValue stream, StreamId master, List<byte[]> lp) {
        int at = 0;
        long liveCount = number(lp.get(at++));
        long deletedCount = number(lp.get(at++));
        int masterFieldCount = (int) number(lp.get(at++));
        byte[][] masterFields = new byte[masterFieldCount][];
        for (int i = 0; i < masterFieldCount; i++) {
            masterFields[i] = lp.get(at++);
        }
        if (number(lp.get(at++)) != 0) {
            throw new IllegalArgumentException("master entry does not end with 0");
        }
        stream.startNode(master, masterFields);
        long seen = 0;
        while (at < lp.size()) {
            int flags = (int) number(lp.get(at++));
            StreamId id = new StreamId(master.ms() + number(lp.get(at++)), master.seq() + number(lp.get(at++)));
            byte[][] fieldsAndValues;
            if ((flags & FLAG_SAME_FIELDS) != 0) {
                fieldsAndValues = new byte[masterFieldCount * 2][];
                for (int i = 0; i < masterFieldCount; i++) {
                    fieldsAndValues[2 * i] = masterFields[i];
                    fieldsAndValues[2 * i + 1] = lp.get(at++);
                }
            } else {
                int fields = (int) number(lp.get(at++));
                fieldsAndValues = new byte[fields * 2][];
                for (int i = 0; i < fields * 2; i++) {
                    fieldsAndValues[i] = lp.get(at++);
                }
            }
            at++; // the entry's element count, for walking backwards
            stream.load(id, fieldsAndValues, (flags & FLAG_DELETED) != 0);
            seen++;
        }
        if (seen != liveCount + deletedCount) {
            throw new IllegalArgumentException("node counts " + liveCount + "+" + deletedCount + " entries but holds "
                    + seen);
        }
    }

    private static long number(byte[] text) {
        if (!CanonicalInteger.test(text)) {
            throw new IllegalArgumentException("expected an integer in a stream listpack");
        }
        return CanonicalInteger.parse(text);
    }

    private static StreamId readId(RdbInput in, String what) throws IOException {
        return new StreamId(in.readLength(what + " ms"), in.readLength(what + " seq"));
    }
}
