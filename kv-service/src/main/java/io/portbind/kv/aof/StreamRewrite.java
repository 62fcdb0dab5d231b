package io.portbind.kv.aof;

import io.portbind.kv.streams.Consumer;
import io.portbind.kv.streams.ConsumerGroup;
import io.portbind.kv.streams.PendingEntry;
import io.portbind.kv.streams.StreamId;
import io.portbind.kv.streams.StreamValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The commands that rebuild a stream, as Redis 7.0's {@code rewriteStreamObject}: an XADD per entry (an empty
 * stream as {@code XADD key MAXLEN 0 0-1 x y}), XSETID with its counters, and per group XGROUP CREATE with its read
 * counter, then a forced XCLAIM per pending entry or XGROUP CREATECONSUMER for a consumer with none.
 */
final class StreamRewrite {

    private static final byte[] XADD = ascii("XADD");
    private static final byte[] XSETID = ascii("XSETID");
    private static final byte[] XGROUP = ascii("XGROUP");
    private static final byte[] XCLAIM = ascii("XCLAIM");

    private StreamRewrite() {
    }

    static void write(CommandEncoder out, byte[] key, StreamValue stream) throws IOException {
        if (stream.length() == 0) {
            out.command(XADD, key, ascii("MAXLEN"), ascii("0"), ascii("0-1"), ascii("x"), ascii("y"));
        }
        for (Map.Entry<StreamId, byte[][]> entry : stream.entries().entrySet()) {
            byte[][] fieldsAndValues = entry.getValue();
            out.header(3 + fieldsAndValues.length);
            out.bulk(XADD);
            out.bulk(key);
            out.bulk(entry.getKey().toBytes());
            for (byte[] element : fieldsAndValues) {
                out.bulk(element);
            }
        }
        out.command(XSETID, key, stream.lastId().toBytes(), ascii("ENTRIESADDED"), number(stream.entriesAdded()),
                ascii("MAXDELETEDID"), stream.maxDeletedId().toBytes());
        for (Map.Entry<byte[], ConsumerGroup> each : stream.groups().entrySet()) {
            byte[] name = each.getKey();
            ConsumerGroup group = each.getValue();
            out.command(XGROUP, ascii("CREATE"), key, name, group.lastId().toBytes(), ascii("ENTRIESREAD"),
                    number(group.entriesRead()));
            for (Consumer consumer : group.consumers().values()) {
                if (consumer.pending().isEmpty()) {
                    out.command(XGROUP, ascii("CREATECONSUMER"), key, name, consumer.name());
                }
                for (Map.Entry<StreamId, PendingEntry> held : consumer.pending().entrySet()) {
                    out.command(XCLAIM, key, name, consumer.name(), ascii("0"), held.getKey().toBytes(),
                            ascii("TIME"), number(held.getValue().deliveryTime()), ascii("RETRYCOUNT"),
                            number(held.getValue().deliveryCount()), ascii("JUSTID"), ascii("FORCE"));
                }
            }
        }
    }

    private static byte[] number(long value) {
        return ascii(Long.toString(value));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
