package io.portbind.kv.hashes;

import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;

/** HGET, HMGET, HLEN, HSTRLEN, HEXISTS, HKEYS, HVALS and HGETALL. */
final class HashReads {

    private HashReads() {
    }

    static void get(Call call) {
        HashValue hash = at(call);
        call.reply().bulk(field(hash, call.arg(2)));
    }

    static void multiGet(Call call) {
        HashValue hash = at(call);
        Reply reply = call.reply();
        reply.array(call.argCount() - 2);
        for (int i = 2; i < call.argCount(); i++) {
            reply.bulk(field(hash, call.arg(i)));
        }
    }

    static void length(Call call) {
        HashValue hash = at(call);
        call.reply().integer(hash == null ? 0 : hash.size());
    }

    static void valueLength(Call call) {
        HashValue hash = at(call);
        byte[] value = field(hash, call.arg(2));
        call.reply().integer(value == null ? 0 : value.length);
    }

    static void exists(Call call) {
        HashValue hash = at(call);
        call.reply().integer(field(hash, call.arg(2)) != null ? 1 : 0);
    }

    /** HKEYS (fields), HVALS (values) and HGETALL (both: a map in RESP3). */
    static void all(Call call, EntryParts parts) {
        boolean fields = parts.hasFields();
        boolean values = parts.hasValues();
        HashValue hash = at(call);
        Reply reply = call.reply();
        int size = hash == null ? 0 : hash.size();
        if (fields && values) {
            reply.map(size);
        } else {
            reply.array(size);
        }
        if (hash != null) {
            hash.forEach((field, value) -> {
                if (fields) {
                    reply.bulk(field);
                }
                if (values) {
                    reply.bulk(value);
                }
            });
        }
    }

    /** The hash at argument 1, or null; WRONGTYPE when the key holds another type. */
    static HashValue at(Call call) {
        return call.db().get(call.arg(1), ValueType.HASH);
    }

    /** The value of {@code field} in {@code hash}, or null when either is missing. */
    static byte[] field(HashValue hash, byte[] field) {
        return hash == null ? null : hash.get(field);
    }
}
