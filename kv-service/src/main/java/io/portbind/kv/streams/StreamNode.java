package io.portbind.kv.streams;

import java.util.Arrays;

/**
 * The bookkeeping of one of Redis's stream nodes (a listpack keyed by its master id in the stream's rax): its
 * master fields, how many entries it holds live and deleted, its last id (deleted or not) and the listpack's size.
 * The entries themselves live in {@link StreamValue}; this is what decides where Redis starts a new node and what
 * approximate trimming may drop, so that both behave as Redis's do.
 */
public final class StreamNode {

    /** The master entry's closing {@code 0} after the master fields. */
    private static final int MASTER_TERMINATOR = ListpackSizes.integer(0);

    private final StreamId masterId;
    private final byte[][] masterFields;
    private int live;
    private int deleted;
    private StreamId lastId;
    /** The listpack's bytes apart from the live and deleted counters, which change size as they grow. */
    private long fixedBytes;

    StreamNode(StreamId masterId, byte[][] masterFields) {
        this.masterId = masterId;
        this.masterFields = masterFields;
        this.lastId = masterId;
        long bytes = ListpackSizes.EMPTY + ListpackSizes.integer(masterFields.length) + MASTER_TERMINATOR;
        for (byte[] field : masterFields) {
            bytes += ListpackSizes.element(field);
        }
        this.fixedBytes = bytes;
    }

    public StreamId masterId() {
        return masterId;
    }

    public byte[][] masterFields() {
        return masterFields;
    }

    int live() {
        return live;
    }

    /** Live and deleted entries: what {@code stream-node-max-entries} counts. */
    int total() {
        return live + deleted;
    }

    StreamId lastId() {
        return lastId;
    }

    /** The listpack's size as Redis's {@code lpBytes} would report it. */
    long bytes() {
        return fixedBytes + ListpackSizes.integer(live) + ListpackSizes.integer(deleted);
    }

    /** Whether an entry with these alternating fields and values can omit its fields (Redis's SAMEFIELDS flag). */
    boolean sameFields(byte[][] fieldsAndValues) {
        if (fieldsAndValues.length != masterFields.length * 2) {
            return false;
        }
        for (int i = 0; i < masterFields.length; i++) {
            if (!Arrays.equals(masterFields[i], fieldsAndValues[2 * i])) {
                return false;
            }
        }
        return true;
    }

    /** Counts an entry appended to this node, encoded as streamAppendItem encodes it. */
    void append(StreamId id, byte[][] fieldsAndValues, boolean deletedEntry) {
        boolean same = sameFields(fieldsAndValues);
        int fields = fieldsAndValues.length / 2;
        long bytes = ListpackSizes.integer(same ? 2 : 0)
                + ListpackSizes.integer(id.ms() - masterId.ms())
                + ListpackSizes.integer(id.seq() - masterId.seq());
        for (int i = same ? 1 : 0; i < fieldsAndValues.length; i += same ? 2 : 1) {
            bytes += ListpackSizes.element(fieldsAndValues[i]);
        }
        int elements = fields + 3;
        if (!same) {
            bytes += ListpackSizes.integer(fields);
            elements += fields + 1;
        }
        fixedBytes += bytes + ListpackSizes.integer(elements);
        lastId = id;
        if (deletedEntry) {
            deleted++;
        } else {
            live++;
        }
    }

    StreamNode copy() {
        StreamNode copy = new StreamNode(masterId, masterFields);
        copy.live = live;
        copy.deleted = deleted;
        copy.lastId = lastId;
        copy.fixedBytes = fixedBytes;
        return copy;
    }

    /** Marks one live entry deleted (its flag changes, its bytes stay). */
    void markDeleted() {
        live--;
        deleted++;
    }
}
