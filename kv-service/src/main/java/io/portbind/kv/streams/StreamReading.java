package io.portbind.kv.streams;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.blocking.BlockedCommand;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Propagation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * XREAD and XREADGROUP: entries after the given ids, or, with BLOCK and nothing to read, the client waits in the
 * {@link BlockedClients} registry until an XADD gives it something (Redis's xreadCommand and
 * serveClientsBlockedOnStreamKey). The reply is, per stream read, the key and its entries: an array of pairs in
 * RESP2, a map in RESP3.
 */
final class StreamReading {

    /** A blocked read without COUNT gets at most this many entries, as in Redis (XREAD_BLOCKED_DEFAULT_COUNT). */
    private static final long BLOCKED_DEFAULT_COUNT = 1000;
    private static final CommandError TIMEOUT_NOT_INTEGER =
            new CommandError("ERR timeout is not an integer or out of range");
    private static final CommandError TIMEOUT_NEGATIVE = new CommandError("ERR timeout is negative");
    private static final CommandError GROUP_IN_XREAD = new CommandError(
            "ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
    private static final CommandError NOACK_IN_XREAD = new CommandError(
            "ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
    private static final CommandError MISSING_GROUP = new CommandError("ERR Missing GROUP option for XREADGROUP");
    private static final CommandError GREATER_WITHOUT_GROUP = new CommandError("ERR The > ID can be specified only "
            + "when calling XREADGROUP using the GROUP <group> <consumer> option.");
    private static final CommandError DOLLAR_IN_GROUP = new CommandError("ERR The $ ID is meaningless in the context "
            + "of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > "
            + "ID to get new messages. The $ ID would just return an empty result set.");
    private static final String UNBLOCKED_DELETED = "UNBLOCKED the stream key no longer exists";
    private static final String UNBLOCKED_NO_GROUP =
            "NOGROUP the consumer group this client was blocked on no longer exists";

    private final BlockedClients blockedClients;

    StreamReading(BlockedClients blockedClients) {
        this.blockedClients = blockedClients;
    }

    /** What one XREAD or XREADGROUP asks for. {@code ids[i]} is {@link StreamId#MAX} for {@code >}. */
    private record Request(long count, long timeout, byte[] group, byte[] consumer, boolean noAck,
                           List<byte[]> keys, StreamId[] ids) {
    }

    void xread(Call call, boolean withGroup) {
        Request request = parse(call, withGroup);
        Database db = call.db();
        int streams = request.keys().size();
        ConsumerGroup[] groups = new ConsumerGroup[streams];
        for (int i = 0; i < streams; i++) {
            byte[] key = request.keys().get(i);
            StreamValue stream = db.get(key, ValueType.STREAM);
            byte[] id = call.arg(call.argCount() - streams + i);
            if (withGroup) {
                groups[i] = stream == null ? null : stream.groups().get(request.group());
                if (groups[i] == null) {
                    throw new CommandError("NOGROUP No such key '" + latin1(key) + "' or consumer group '"
                            + latin1(request.group()) + "' in XREADGROUP with GROUP option");
                }
            }
            if (GroupCommands.isDollar(id)) {
                if (withGroup) {
                    throw DOLLAR_IN_GROUP;
                }
                request.ids()[i] = stream == null ? StreamId.MIN : stream.lastId();
            } else if (id.length == 1 && id[0] == '>') {
                if (!withGroup) {
                    throw GREATER_WITHOUT_GROUP;
                }
                request.ids()[i] = StreamId.MAX;
            } else {
                request.ids()[i] = StreamId.parseStrict(id, 0);
            }
        }
        Reply reply = call.reply();
        List<ReadPlan> plans = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            byte[] key = request.keys().get(i);
            StreamValue stream = db.get(key, ValueType.STREAM);
            if (stream == null) {
                continue;
            }
            StreamId after = request.ids()[i];
            boolean history = false;
            boolean now = false;
            if (withGroup) {
                if (!after.equals(StreamId.MAX)) {
                    now = true;
                    history = true;
                } else if (stream.length() > 0 && stream.entries().lastKey().compareTo(groups[i].lastId()) > 0) {
                    now = true;
                    after = groups[i].lastId();
                }
            } else if (stream.length() > 0 && stream.entries().lastKey().compareTo(after) > 0) {
                now = true;
            }
            if (now) {
                plans.add(new ReadPlan(key, stream, groups[i], after, history));
            }
        }
        if (!plans.isEmpty()) {
            writeStreams(reply, plans.size());
            for (ReadPlan plan : plans) {
                streamHeader(reply, plan.key());
                GroupDelivery delivery = plan.group() == null ? null : new GroupDelivery(call.propagating()
                        ? call.server().propagation() : null, db.index(), plan.key(), request.group(),
                        request.consumer(), request.noAck());
                read(reply, plan.stream(), plan.after(), request.count(), plan.group(), delivery, plan.history(),
                        call.keyspace().now());
                if (plan.group() != null) {
                    db.modified(plan.key());
                }
            }
            if (withGroup) {
                call.preventPropagation();
            }
            return;
        }
        if (request.timeout() < 0) {
            reply.nullArray();
            return;
        }
        block(call, request, withGroup);
    }

    private record ReadPlan(byte[] key, StreamValue stream, ConsumerGroup group, StreamId after, boolean history) {
    }

    private void block(Call call, Request request, boolean withGroup) {
        long count = request.count() == 0 ? BLOCKED_DEFAULT_COUNT : request.count();
        Propagation propagation = call.server().propagation();
        List<byte[]> keys = request.keys();
        StreamId[] ids = request.ids();
        blockedClients.block(call, keys, request.timeout(), new BlockedCommand() {
            @Override
            public Consumer<Reply> serve(Database ready, byte[] key) {
                Object value = ready.get(key);
                int index = indexOf(keys, key);
                if (!(value instanceof StreamValue stream)) {
                    if (withGroup) {
                        return reply -> reply.error(UNBLOCKED_DELETED);
                    }
                    return value == null ? null : reply -> reply.error(CommandError.WRONGTYPE.getMessage());
                }
                StreamId after = ids[index];
                ConsumerGroup group = null;
                if (withGroup) {
                    group = stream.groups().get(request.group());
                    if (group == null) {
                        return reply -> reply.error(UNBLOCKED_NO_GROUP);
                    }
                    after = group.lastId();
                }
                if (stream.lastId().compareTo(after) <= 0) {
                    return null;
                }
                ConsumerGroup reading = group;
                StreamId from = after;
                GroupDelivery delivery = reading == null ? null : new GroupDelivery(propagation.active()
                        ? propagation : null, ready.index(), key, request.group(), request.consumer(),
                        request.noAck());
                long now = System.currentTimeMillis();
                return reply -> {
                    writeStreams(reply, 1);
                    streamHeader(reply, key);
                    read(reply, stream, from, count, reading, delivery, false, now);
                    if (reading != null) {
                        ready.modified(key);
                    }
                };
            }

            @Override
            public boolean passesOn() {
                return true;
            }

            @Override
            public void timedOut(Reply reply) {
                reply.nullArray();
            }
        });
    }

    private static String latin1(byte[] text) {
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(List<byte[]> keys, byte[] key) {
        for (int i = 0; i < keys.size(); i++) {
            if (Arrays.equals(keys.get(i), key)) {
                return i;
            }
        }
        return -1;
    }

    /** The outer reply of a read: in RESP2 an array of [key, entries] pairs, in RESP3 a map from key to entries. */
    private static void writeStreams(Reply reply, int streams) {
        if (reply.isResp3()) {
            reply.map(streams);
        } else {
            reply.array(streams);
        }
    }

    /** One stream's key, opening the [key, entries] pair in RESP2 (in RESP3 the key is the map's). */
    private static void streamHeader(Reply reply, byte[] key) {
        if (!reply.isResp3()) {
            reply.array(2);
        }
        reply.bulk(key);
    }

    /**
     * Writes the entries after {@code after} (up to {@code count}, 0 for all), or for a group's history read the
     * consumer's pending entries from {@code after} on. Deliveries to a group update it as Redis's
     * streamReplyWithRange does.
     */
    private static void read(Reply reply, StreamValue stream, StreamId after, long count, ConsumerGroup group,
                             GroupDelivery delivery, boolean history, long now) {
        long limit = count == 0 ? Long.MAX_VALUE : count;
        StreamId start = after.next();
        if (history) {
            delivery.history(reply, stream, group, start, limit, now);
            return;
        }
        List<Map.Entry<StreamId, byte[][]>> found = start == null ? List.of()
                : StreamReads.collect(stream, start, StreamId.MAX, limit, false);
        reply.array(found.size());
        for (Map.Entry<StreamId, byte[][]> entry : found) {
            StreamReplies.entry(reply, entry);
        }
        if (group != null) {
            delivery.deliver(stream, group, found, now);
        }
    }

    private static Request parse(Call call, boolean withGroup) {
        long count = 0;
        long timeout = -1;
        byte[] group = null;
        byte[] consumer = null;
        boolean noAck = false;
        int streamsAt = 0;
        for (int i = 1; i < call.argCount(); i++) {
            int more = call.argCount() - 1 - i;
            if (call.is(i, "block") && more > 0) {
                timeout = timeout(call, ++i);
            } else if (call.is(i, "count") && more > 0) {
                count = Math.max(0, call.longArg(++i));
            } else if (call.is(i, "streams") && more > 0) {
                streamsAt = i + 1;
                if ((call.argCount() - streamsAt) % 2 != 0) {
                    throw new CommandError("ERR Unbalanced " + (withGroup ? "XREADGROUP" : "XREAD")
                            + " list of streams: for each stream key an ID or '" + (withGroup ? ">" : "$")
                            + "' must be specified.");
                }
                break;
            } else if (call.is(i, "group") && more >= 2) {
                if (!withGroup) {
                    throw GROUP_IN_XREAD;
                }
                group = call.arg(i + 1);
                consumer = call.arg(i + 2);
                i += 2;
            } else if (call.is(i, "noack")) {
                if (!withGroup) {
                    throw NOACK_IN_XREAD;
                }
                noAck = true;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        if (streamsAt == 0) {
            throw CommandError.SYNTAX;
        }
        if (withGroup && group == null) {
            throw MISSING_GROUP;
        }
        int streams = (call.argCount() - streamsAt) / 2;
        List<byte[]> keys = Arrays.asList(call.args()).subList(streamsAt, streamsAt + streams);
        return new Request(count, timeout, group, consumer, noAck, keys, new StreamId[streams]);
    }

    /** BLOCK milliseconds: an integer, 0 meaning forever. */
    private static long timeout(Call call, int index) {
        long millis;
        try {
            millis = call.longArg(index);
        } catch (CommandError notAnInteger) {
            throw TIMEOUT_NOT_INTEGER;
        }
        if (millis < 0) {
            throw TIMEOUT_NEGATIVE;
        }
        return millis;
    }
}
