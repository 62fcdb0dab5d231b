package io.portbind.kv.streams;

import io.portbind.kv.resp.Reply;
import java.util.Map;

/** How stream entries are written in replies: {@code [id, [field, value, ...]]}, the same in RESP2 and RESP3. */
final class StreamReplies {

    private StreamReplies() {
    }

    static void entry(Reply reply, StreamId id, byte[][] fieldsAndValues) {
        reply.array(2);
        reply.bulk(id.toBytes());
        reply.array(fieldsAndValues.length);
        for (byte[] element : fieldsAndValues) {
            reply.bulk(element);
        }
    }

    static void entry(Reply reply, Map.Entry<StreamId, byte[][]> entry) {
        entry(reply, entry.getKey(), entry.getValue());
    }

    static void id(Reply reply, StreamId id) {
        reply.bulk(id.toBytes());
    }
}
