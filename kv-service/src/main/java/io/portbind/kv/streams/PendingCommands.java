package io.portbind.kv.streams;

import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** XACK and XPENDING: acknowledging and listing the entries delivered to a group's consumers. */
final class PendingCommands {

    private PendingCommands() {
    }

    /** The group named by argument 2 of the stream at argument 1, or null when either is missing. */
    static ConsumerGroup group(Call call) {
        StreamValue stream = call.db().get(call.arg(1), ValueType.STREAM);
        return stream == null ? null : stream.groups().get(call.arg(2));
    }

    static CommandError noGroup(Call call) {
        return new CommandError("NOGROUP No such key '" + call.text(1) + "' or consumer group '" + call.text(2)
                + "'");
    }

    /** XACK key group id [id ...]: how many of the ids were pending. */
    static void xack(Call call) {
        ConsumerGroup group = group(call);
        if (group == null) {
            call.reply().integer(0);
            return;
        }
        List<StreamId> ids = new ArrayList<>();
        for (int i = 3; i < call.argCount(); i++) {
            ids.add(StreamId.parseStrict(call.arg(i), 0));
        }
        int acknowledged = 0;
        for (StreamId id : ids) {
            if (group.acknowledge(id)) {
                acknowledged++;
            }
        }
        if (acknowledged > 0) {
            call.db().modified(call.arg(1));
        }
        call.reply().integer(acknowledged);
    }

    /** XPENDING key group [[IDLE min-idle-time] start end count [consumer]]. */
    static void xpending(Call call) {
        int argc = call.argCount();
        if (argc != 3 && (argc < 6 || argc > 9)) {
            throw CommandError.SYNTAX;
        }
        long minIdle = 0;
        StreamId start = StreamId.MIN;
        StreamId end = StreamId.MAX;
        long count = 0;
        byte[] consumerName = null;
        if (argc >= 6) {
            int at = 3;
            if (call.is(3, "idle")) {
                minIdle = call.longArg(4);
                if (argc < 8) {
                    throw CommandError.SYNTAX;
                }
                at += 2;
            }
            count = Math.max(0, call.longArg(at + 2));
            start = StreamReads.start(call.arg(at));
            end = StreamReads.end(call.arg(at + 1));
            if (at + 3 < argc) {
                consumerName = call.arg(at + 3);
            }
        }
        ConsumerGroup group = group(call);
        if (group == null) {
            throw noGroup(call);
        }
        Reply reply = call.reply();
        if (argc == 3) {
            summary(reply, group);
            return;
        }
        NavigableMap<StreamId, PendingEntry> pel = group.pending();
        if (consumerName != null) {
            Consumer consumer = group.consumers().get(consumerName);
            if (consumer == null) {
                reply.array(0);
                return;
            }
            pel = consumer.pending();
        }
        long now = call.keyspace().now();
        List<Map.Entry<StreamId, PendingEntry>> found = new ArrayList<>();
        if (start.compareTo(end) <= 0) {
            for (Map.Entry<StreamId, PendingEntry> each : pel.subMap(start, true, end, true).entrySet()) {
                if (found.size() >= count) {
                    break;
                }
                if (minIdle == 0 || now - each.getValue().deliveryTime() >= minIdle) {
                    found.add(each);
                }
            }
        }
        reply.array(found.size());
        for (Map.Entry<StreamId, PendingEntry> each : found) {
            PendingEntry entry = each.getValue();
            reply.array(4);
            StreamReplies.id(reply, each.getKey());
            reply.bulk(entry.consumer().name());
            reply.integer(Math.max(0, now - entry.deliveryTime()));
            reply.integer(entry.deliveryCount());
        }
    }

    private static void summary(Reply reply, ConsumerGroup group) {
        reply.array(4);
        reply.integer(group.pending().size());
        if (group.pending().isEmpty()) {
            reply.nullBulk();
            reply.nullBulk();
            reply.nullArray();
            return;
        }
        StreamReplies.id(reply, group.pending().firstKey());
        StreamReplies.id(reply, group.pending().lastKey());
        List<Consumer> holding = new ArrayList<>();
        for (Consumer consumer : group.consumers().values()) {
            if (!consumer.pending().isEmpty()) {
                holding.add(consumer);
            }
        }
        reply.array(holding.size());
        for (Consumer consumer : holding) {
            reply.array(2);
            reply.bulk(consumer.name());
            reply.bulk(consumer.pending().size());
        }
    }
}
