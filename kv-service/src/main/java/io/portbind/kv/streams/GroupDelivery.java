package io.portbind.kv.streams;

import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Propagation;
import java.util.List;
import java.util.Map;

/**
 * What XREADGROUP does to a group as it reads (Redis's streamReplyWithRange with a group): new entries move the
 * group's last id and read counter and, unless NOACK, become pending for the consumer, each propagated as the
 * forced XCLAIM that recreates it, then the group's position as XGROUP SETID; a history read re-delivers the
 * consumer's own pending entries.
 */
final class GroupDelivery {

    private final Propagation propagation;
    private final int db;
    private final byte[] key;
    private final byte[] groupName;
    private final byte[] consumerName;
    private final boolean noAck;

    /** {@code propagation} is null while nothing is propagated. */
    GroupDelivery(Propagation propagation, int db, byte[] key, byte[] groupName, byte[] consumerName,
                  boolean noAck) {
        this.propagation = propagation;
        this.db = db;
        this.key = key;
        this.groupName = groupName;
        this.consumerName = consumerName;
        this.noAck = noAck;
    }

    /** Records the delivery of {@code entries}, already written to the reply. */
    void deliver(StreamValue stream, ConsumerGroup group, List<Map.Entry<StreamId, byte[][]>> entries, long now) {
        Consumer consumer = group.consumer(consumerName, now);
        boolean moved = false;
        for (Map.Entry<StreamId, byte[][]> entry : entries) {
            StreamId id = entry.getKey();
            if (id.compareTo(group.lastId()) > 0) {
                ReadCounters.delivered(stream, group, id);
                moved = true;
            }
            if (noAck) {
                continue;
            }
            PendingEntry pending = group.pending().get(id);
            if (pending == null) {
                pending = new PendingEntry(null, now, 1);
                group.pending().put(id, pending);
            } else {
                pending.deliveryTime(now);
                pending.deliveryCount(1);
            }
            ConsumerGroup.assign(id, pending, consumer);
            if (propagation != null) {
                propagation.alsoPropagate(db, StreamPropagation.xclaim(key, groupName, group, id, pending));
            }
        }
        if (moved && propagation != null) {
            propagation.alsoPropagate(db, StreamPropagation.setId(key, groupName, group));
        }
    }

    /**
     * The consumer's pending entries from {@code from} on (none when null), up to {@code limit}: each counts as delivered again;
     * one whose entry was deleted meanwhile is its id with a null in place of the fields.
     */
    void history(Reply reply, StreamValue stream, ConsumerGroup group, StreamId from, long limit, long now) {
        Consumer consumer = group.consumer(consumerName, now);
        List<Map.Entry<StreamId, PendingEntry>> held = from == null ? List.of() : consumer.pending()
                .tailMap(from, true).entrySet().stream()
                .limit(limit).toList();
        reply.array(held.size());
        for (Map.Entry<StreamId, PendingEntry> each : held) {
            byte[][] fields = stream.entries().get(each.getKey());
            if (fields == null) {
                reply.array(2);
                StreamReplies.id(reply, each.getKey());
                reply.nullArray();
            } else {
                StreamReplies.entry(reply, each.getKey(), fields);
                each.getValue().deliveryTime(now);
                each.getValue().deliveryCount(each.getValue().deliveryCount() + 1);
            }
        }
    }
}
