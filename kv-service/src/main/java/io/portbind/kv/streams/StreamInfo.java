package io.portbind.kv.streams;

import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Help;
import java.util.List;
import java.util.Map;

/** XINFO STREAM [FULL [COUNT n]], GROUPS, CONSUMERS and HELP: maps in RESP3, flat arrays in RESP2. */
final class StreamInfo {

    private static final CommandError NO_SUCH_KEY = new CommandError("ERR no such key");
    /** XINFO STREAM FULL shows ten entries (and PEL entries) unless COUNT says otherwise, 0 meaning all. */
    private static final long DEFAULT_FULL_COUNT = 10;

    private StreamInfo() {
    }

    private static StreamValue stream(Call call) {
        StreamValue stream = call.db().get(call.arg(2), ValueType.STREAM);
        if (stream == null) {
            throw NO_SUCH_KEY;
        }
        return stream;
    }

    /** XINFO CONSUMERS key group. */
    static void consumers(Call call) {
        StreamValue stream = stream(call);
        ConsumerGroup group = stream.groups().get(call.arg(3));
        if (group == null) {
            throw new CommandError("NOGROUP No such consumer group '" + call.text(3) + "' for key name '"
                    + call.text(2) + "'");
        }
        long now = call.keyspace().now();
        Reply reply = call.reply();
        reply.array(group.consumers().size());
        for (Consumer consumer : group.consumers().values()) {
            reply.map(3);
            reply.bulk("name");
            reply.bulk(consumer.name());
            reply.bulk("pending");
            reply.integer(consumer.pending().size());
            reply.bulk("idle");
            reply.integer(now - consumer.seenTime());
        }
    }

    /** XINFO GROUPS key. */
    static void groups(Call call) {
        StreamValue stream = stream(call);
        Reply reply = call.reply();
        reply.array(stream.groups().size());
        for (Map.Entry<byte[], ConsumerGroup> each : stream.groups().entrySet()) {
            ConsumerGroup group = each.getValue();
            reply.map(6);
            reply.bulk("name");
            reply.bulk(each.getKey());
            reply.bulk("consumers");
            reply.integer(group.consumers().size());
            reply.bulk("pending");
            reply.integer(group.pending().size());
            reply.bulk("last-delivered-id");
            StreamReplies.id(reply, group.lastId());
            readCounters(reply, stream, group);
        }
    }

    /** XINFO STREAM key [FULL [COUNT count]]. */
    static void streamInfo(Call call) {
        StreamValue stream = stream(call);
        int options = call.argCount() - 3;
        long count = DEFAULT_FULL_COUNT;
        if (options > 0) {
            if (!call.is(3, "full")) {
                throw subcommandSyntax(call);
            }
            if (options > 1) {
                if (options != 3 || !call.is(4, "count")) {
                    throw subcommandSyntax(call);
                }
                count = Math.max(0, call.longArg(5));
            }
            full(call.reply(), stream, count == 0 ? Long.MAX_VALUE : count);
            return;
        }
        Reply reply = call.reply();
        reply.map(10);
        header(reply, stream);
        reply.bulk("groups");
        reply.integer(stream.groups().size());
        reply.bulk("first-entry");
        edge(reply, stream, false);
        reply.bulk("last-entry");
        edge(reply, stream, true);
    }

    private static void header(Reply reply, StreamValue stream) {
        reply.bulk("length");
        reply.integer(stream.length());
        reply.bulk("radix-tree-keys");
        reply.integer(stream.nodes().size());
        reply.bulk("radix-tree-nodes");
        reply.integer(RaxNodes.count(stream.nodes().keySet()));
        reply.bulk("last-generated-id");
        StreamReplies.id(reply, stream.lastId());
        reply.bulk("max-deleted-entry-id");
        StreamReplies.id(reply, stream.maxDeletedId());
        reply.bulk("entries-added");
        reply.integer(stream.entriesAdded());
        reply.bulk("recorded-first-entry-id");
        StreamReplies.id(reply, stream.firstId());
    }

    private static void edge(Reply reply, StreamValue stream, boolean last) {
        Map.Entry<StreamId, byte[][]> entry = last ? stream.entries().lastEntry() : stream.entries().firstEntry();
        if (entry == null) {
            reply.nullBulk();
        } else {
            StreamReplies.entry(reply, entry);
        }
    }

    private static void full(Reply reply, StreamValue stream, long count) {
        reply.map(9);
        header(reply, stream);
        reply.bulk("entries");
        StreamReads.write(reply, stream, StreamId.MIN, StreamId.MAX, count, false);
        reply.bulk("groups");
        reply.array(stream.groups().size());
        for (Map.Entry<byte[], ConsumerGroup> each : stream.groups().entrySet()) {
            ConsumerGroup group = each.getValue();
            reply.map(7);
            reply.bulk("name");
            reply.bulk(each.getKey());
            reply.bulk("last-delivered-id");
            StreamReplies.id(reply, group.lastId());
            readCounters(reply, stream, group);
            reply.bulk("pel-count");
            reply.integer(group.pending().size());
            reply.bulk("pending");
            List<Map.Entry<StreamId, PendingEntry>> pending = first(group.pending(), count);
            reply.array(pending.size());
            for (Map.Entry<StreamId, PendingEntry> held : pending) {
                reply.array(4);
                StreamReplies.id(reply, held.getKey());
                reply.bulk(held.getValue().consumer().name());
                reply.integer(held.getValue().deliveryTime());
                reply.integer(held.getValue().deliveryCount());
            }
            reply.bulk("consumers");
            reply.array(group.consumers().size());
            for (Consumer consumer : group.consumers().values()) {
                reply.map(4);
                reply.bulk("name");
                reply.bulk(consumer.name());
                reply.bulk("seen-time");
                reply.integer(consumer.seenTime());
                reply.bulk("pel-count");
                reply.integer(consumer.pending().size());
                reply.bulk("pending");
                List<Map.Entry<StreamId, PendingEntry>> own = first(consumer.pending(), count);
                reply.array(own.size());
                for (Map.Entry<StreamId, PendingEntry> held : own) {
                    reply.array(3);
                    StreamReplies.id(reply, held.getKey());
                    reply.integer(held.getValue().deliveryTime());
                    reply.integer(held.getValue().deliveryCount());
                }
            }
        }
    }

    private static List<Map.Entry<StreamId, PendingEntry>> first(Map<StreamId, PendingEntry> pel, long count) {
        return pel.entrySet().stream().limit(count).toList();
    }

    /** {@code entries-read} (null when unknown) and {@code lag} (null when it cannot be known), as Redis 7.0. */
    private static void readCounters(Reply reply, StreamValue stream, ConsumerGroup group) {
        reply.bulk("entries-read");
        if (group.entriesRead() != ConsumerGroup.INVALID_ENTRIES_READ) {
            reply.integer(group.entriesRead());
        } else {
            reply.nullBulk();
        }
        reply.bulk("lag");
        long lag = ReadCounters.lag(stream, group);
        if (lag < 0) {
            reply.nullBulk();
        } else {
            reply.integer(lag);
        }
    }

    private static CommandError subcommandSyntax(Call call) {
        return new CommandError("ERR unknown subcommand or wrong number of arguments for '" + call.text(1)
                + "'. Try XINFO HELP.");
    }

    static void help(Call call) {
        Help.reply(call,
                "XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "CONSUMERS <key> <groupname>",
                "    Show consumers of <groupname>.",
                "GROUPS <key>",
                "    Show the stream consumer groups.",
                "STREAM <key> [FULL [COUNT <count>]",
                "    Show information about the stream.");
    }
}
