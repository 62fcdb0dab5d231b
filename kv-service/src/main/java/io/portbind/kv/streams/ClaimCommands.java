package io.portbind.kv.streams;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * XCLAIM and XAUTOCLAIM: moving pending entries to another consumer. Neither propagates as written: each claimed
 * (or dropped) entry goes to the AOF as the forced XCLAIM that sets its whole state, as in Redis.
 */
final class ClaimCommands {

    private static final CommandError AUTOCLAIM_COUNT = new CommandError("ERR COUNT must be > 0");
    /** XAUTOCLAIM looks at up to ten times COUNT entries of the PEL. */
    private static final int ATTEMPTS_FACTOR = 10;

    private ClaimCommands() {
    }

    /** XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME ms] [RETRYCOUNT n] [FORCE] [JUSTID]
     *  [LASTID id]. */
    static void xclaim(Call call) {
        ConsumerGroup group = PendingCommands.group(call);
        if (group == null) {
            throw PendingCommands.noGroup(call);
        }
        long minIdle = Math.max(0, number(call, 4, "Invalid min-idle-time argument for XCLAIM"));
        List<StreamId> ids = new ArrayList<>();
        int i = 5;
        for (; i < call.argCount(); i++) {
            try {
                ids.add(StreamId.parseStrict(call.arg(i), 0));
            } catch (CommandError notAnId) {
                break;
            }
        }
        long now = call.keyspace().now();
        long retryCount = -1;
        long deliveryTime = -1;
        boolean force = false;
        boolean justId = false;
        StreamId lastId = StreamId.MIN;
        for (; i < call.argCount(); i++) {
            boolean more = i + 1 < call.argCount();
            if (call.is(i, "force")) {
                force = true;
            } else if (call.is(i, "justid")) {
                justId = true;
            } else if (call.is(i, "idle") && more) {
                deliveryTime = now - number(call, ++i, "Invalid IDLE option argument for XCLAIM");
            } else if (call.is(i, "time") && more) {
                deliveryTime = number(call, ++i, "Invalid TIME option argument for XCLAIM");
            } else if (call.is(i, "retrycount") && more) {
                retryCount = number(call, ++i, "Invalid RETRYCOUNT option argument for XCLAIM");
            } else if (call.is(i, "lastid") && more) {
                lastId = StreamId.parseStrict(call.arg(++i), 0);
            } else {
                throw new CommandError("ERR Unrecognized XCLAIM option '" + call.text(i) + "'");
            }
        }
        StreamValue stream = call.db().get(call.arg(1), io.portbind.kv.keyspace.ValueType.STREAM);
        boolean changed = false;
        boolean propagateLastId = false;
        if (lastId.compareTo(group.lastId()) > 0) {
            group.position(lastId, group.entriesRead());
            propagateLastId = true;
            changed = true;
        }
        if (deliveryTime < 0 || deliveryTime > now) {
            deliveryTime = now;
        }
        Consumer consumer = null;
        List<StreamId> claimed = new ArrayList<>();
        for (StreamId id : ids) {
            PendingEntry entry = group.pending().get(id);
            if (!stream.entries().containsKey(id)) {
                if (entry != null) {
                    propagateClaim(call, group, id, entry);
                    propagateLastId = false;
                    group.acknowledge(id);
                    changed = true;
                }
                continue;
            }
            if (force && entry == null) {
                entry = new PendingEntry(null, now, 1);
                group.pending().put(id, entry);
            }
            if (entry == null) {
                continue;
            }
            if (entry.consumer() != null && minIdle > 0 && now - entry.deliveryTime() < minIdle) {
                continue;
            }
            if (consumer == null) {
                consumer = group.consumer(call.arg(3), now);
            }
            entry.deliveryTime(deliveryTime);
            if (retryCount >= 0) {
                entry.deliveryCount(retryCount);
            } else if (!justId) {
                entry.deliveryCount(entry.deliveryCount() + 1);
            }
            ConsumerGroup.assign(id, entry, consumer);
            claimed.add(id);
            propagateClaim(call, group, id, entry);
            propagateLastId = false;
            changed = true;
        }
        if (propagateLastId) {
            call.alsoPropagate(StreamPropagation.setId(call.arg(1), call.arg(2), group));
        }
        if (changed || consumer != null) {
            call.db().modified(call.arg(1));
        }
        call.preventPropagation();
        Reply reply = call.reply();
        reply.array(claimed.size());
        for (StreamId id : claimed) {
            claimedEntry(reply, stream, id, justId);
        }
    }

    /** XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]. */
    static void xautoclaim(Call call) {
        long minIdle = Math.max(0, number(call, 4, "Invalid min-idle-time argument for XAUTOCLAIM"));
        StreamId start = StreamReads.start(call.arg(5));
        long count = 100;
        boolean justId = false;
        for (int i = 6; i < call.argCount(); i++) {
            if (call.is(i, "count") && i + 1 < call.argCount()) {
                long maxCount = Long.MAX_VALUE / 16;
                try {
                    count = call.longArg(i + 1);
                } catch (CommandError notANumber) {
                    throw AUTOCLAIM_COUNT;
                }
                if (count < 1 || count > maxCount) {
                    throw AUTOCLAIM_COUNT;
                }
                i++;
            } else if (call.is(i, "justid")) {
                justId = true;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        ConsumerGroup group = PendingCommands.group(call);
        if (group == null) {
            throw PendingCommands.noGroup(call);
        }
        Database db = call.db();
        StreamValue stream = db.get(call.arg(1), io.portbind.kv.keyspace.ValueType.STREAM);
        long now = call.keyspace().now();
        long attempts = count * ATTEMPTS_FACTOR;
        Consumer consumer = null;
        List<StreamId> claimed = new ArrayList<>();
        List<StreamId> deleted = new ArrayList<>();
        Iterator<Map.Entry<StreamId, PendingEntry>> walk =
                new ArrayList<>(group.pending().tailMap(start, true).entrySet()).iterator();
        while (attempts-- > 0 && count > 0 && walk.hasNext()) {
            Map.Entry<StreamId, PendingEntry> next = walk.next();
            StreamId id = next.getKey();
            PendingEntry entry = next.getValue();
            if (!stream.entries().containsKey(id)) {
                propagateClaim(call, group, id, entry);
                group.acknowledge(id);
                deleted.add(id);
                count--;
                continue;
            }
            if (minIdle > 0 && now - entry.deliveryTime() < minIdle) {
                continue;
            }
            if (consumer == null) {
                consumer = group.consumer(call.arg(3), now);
            }
            entry.deliveryTime(now);
            if (!justId) {
                entry.deliveryCount(entry.deliveryCount() + 1);
            }
            ConsumerGroup.assign(id, entry, consumer);
            claimed.add(id);
            count--;
            propagateClaim(call, group, id, entry);
        }
        StreamId cursor = walk.hasNext() ? walk.next().getKey() : StreamId.MIN;
        if (!claimed.isEmpty() || !deleted.isEmpty() || consumer != null) {
            db.modified(call.arg(1));
        }
        call.preventPropagation();
        Reply reply = call.reply();
        reply.array(3);
        StreamReplies.id(reply, cursor);
        reply.array(claimed.size());
        for (StreamId id : claimed) {
            claimedEntry(reply, stream, id, justId);
        }
        reply.array(deleted.size());
        for (StreamId id : deleted) {
            StreamReplies.id(reply, id);
        }
    }

    private static void claimedEntry(Reply reply, StreamValue stream, StreamId id, boolean justId) {
        if (justId) {
            StreamReplies.id(reply, id);
        } else {
            StreamReplies.entry(reply, id, stream.entries().get(id));
        }
    }

    private static void propagateClaim(Call call, ConsumerGroup group, StreamId id, PendingEntry entry) {
        if (call.propagating()) {
            call.alsoPropagate(StreamPropagation.xclaim(call.arg(1), call.arg(2), group, id, entry));
        }
    }

    private static long number(Call call, int index, String error) {
        try {
            return call.longArg(index);
        } catch (CommandError notAnInteger) {
            throw new CommandError("ERR " + error);
        }
    }
}
