package io.portbind.kv.rdb;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.streams.StreamValue;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one value as redis-server 7.0 would for the same value (rdbSaveObjectType and rdbSaveObject): the
 * encoding follows what {@code OBJECT ENCODING} reports, which our value classes keep by Redis's thresholds.
 * Strings as strings; lists as QUICKLIST_2 of listpack nodes cut where Redis's quicklist cuts a list built by
 * RPUSH; sets as INTSET or SET; hashes as HASH_LISTPACK or HASH; sorted sets as ZSET_LISTPACK or ZSET_2;
 * streams as STREAM_LISTPACKS_2 (see {@link StreamCodec}).
 */
final class ValueEncoder {

    /** Redis 7.0's default list-max-listpack-size -2: a quicklist node's listpack stays within 8 KB. */
    private static final int NODE_LIMIT = 8192;
    /** What quicklist's _quicklistNodeAllowInsert adds to an element's length to estimate its cost. */
    private static final int ENTRY_OVERHEAD_ESTIMATE = 8;

    private ValueEncoder() {
    }

    /** The RDB type byte {@code value} is written with. */
    static int type(Object value) {
        if (value instanceof byte[]) {
            return Rdb.TYPE_STRING;
        }
        if (value instanceof ListValue) {
            return Rdb.TYPE_LIST_QUICKLIST_2;
        }
        if (value instanceof SetValue set) {
            return set.encoding().equals("intset") ? Rdb.TYPE_SET_INTSET : Rdb.TYPE_SET;
        }
        if (value instanceof HashValue hash) {
            return hash.encoding().equals("listpack") ? Rdb.TYPE_HASH_LISTPACK : Rdb.TYPE_HASH;
        }
        if (value instanceof SortedSetValue zset) {
            return zset.encoding().equals("listpack") ? Rdb.TYPE_ZSET_LISTPACK : Rdb.TYPE_ZSET_2;
        }
        if (value instanceof StreamValue) {
            return Rdb.TYPE_STREAM_LISTPACKS_2;
        }
        throw new IllegalArgumentException("no RDB encoding for " + value.getClass().getName());
    }

    /** Writes {@code value}'s encoding, without its type byte (which precedes the key in a file). */
    static void writeBody(RdbOutput out, Object value) throws IOException {
        switch (type(value)) {
            case Rdb.TYPE_STRING -> out.writeString((byte[]) value);
            case Rdb.TYPE_LIST_QUICKLIST_2 -> writeQuicklist(out, (ListValue) value);
            case Rdb.TYPE_SET_INTSET -> out.writeString(intset((SetValue) value));
            case Rdb.TYPE_SET -> writeSet(out, (SetValue) value);
            case Rdb.TYPE_HASH_LISTPACK -> out.writeString(hashListpack((HashValue) value));
            case Rdb.TYPE_HASH -> writeHash(out, (HashValue) value);
            case Rdb.TYPE_ZSET_LISTPACK -> out.writeString(zsetListpack((SortedSetValue) value));
            case Rdb.TYPE_STREAM_LISTPACKS_2 -> StreamCodec.write(out, (StreamValue) value);
            default -> writeSkiplist(out, (SortedSetValue) value);
        }
    }

    /** Node count, then each node as its container (PACKED) and its listpack blob. */
    private static void writeQuicklist(RdbOutput out, ListValue list) throws IOException {
        List<byte[]> nodes = new ArrayList<>();
        Listpack.Builder node = null;
        for (int i = 0; i < list.size(); i++) {
            byte[] element = list.get(i);
            if (node != null && node.blobSize() + element.length + ENTRY_OVERHEAD_ESTIMATE > NODE_LIMIT) {
                nodes.add(node.toBytes());
                node = null;
            }
            if (node == null) {
                node = new Listpack.Builder();
            }
            node.add(element);
        }
        if (node != null) {
            nodes.add(node.toBytes());
        }
        out.writeLength(nodes.size());
        for (byte[] blob : nodes) {
            out.writeLength(Rdb.QUICKLIST_NODE_PACKED);
            out.writeString(blob);
        }
    }

    private static byte[] intset(SetValue set) {
        long[] members = new long[set.size()];
        int[] filled = {0};
        set.forEach(member -> members[filled[0]++] = CanonicalInteger.parse(member)); // ascending already
        return Intset.of(members);
    }

    private static void writeSet(RdbOutput out, SetValue set) throws IOException {
        out.writeLength(set.size());
        IOException[] failure = {null};
        set.forEach(member -> {
            if (failure[0] == null) {
                try {
                    out.writeString(member);
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        rethrow(failure[0]);
    }

    private static byte[] hashListpack(HashValue hash) {
        Listpack.Builder builder = new Listpack.Builder();
        hash.forEach((field, value) -> builder.add(field).add(value));
        return builder.toBytes();
    }

    private static void writeHash(RdbOutput out, HashValue hash) throws IOException {
        out.writeLength(hash.size());
        IOException[] failure = {null};
        hash.forEach((field, value) -> {
            if (failure[0] == null) {
                try {
                    out.writeString(field);
                    out.writeString(value);
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        rethrow(failure[0]);
    }

    /** Member then score (as d2string's text, which the listpack stores as an integer when it is one). */
    private static byte[] zsetListpack(SortedSetValue zset) {
        Listpack.Builder builder = new Listpack.Builder();
        for (Node node = zset.first(); node != null; node = node.next()) {
            builder.add(node.member()).add(scoreText(node.score()));
        }
        return builder.toBytes();
    }

    /**
     * Redis 7.0's d2string, which tries the integer form first: -0 becomes "0" (so a listpack turns a score of -0
     * into 0, in Redis as here), anything else is %.17g.
     */
    private static byte[] scoreText(double score) {
        String text = score == 0 ? "0" : Reply.formatDouble(score);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** From the highest score to the lowest, as Redis saves a skiplist so that loading inserts at the head. */
    private static void writeSkiplist(RdbOutput out, SortedSetValue zset) throws IOException {
        out.writeLength(zset.size());
        for (Node node = zset.last(); node != null; node = node.previous()) {
            out.writeString(node.member());
            out.writeBinaryDouble(node.score());
        }
    }

    private static void rethrow(IOException failure) throws IOException {
        if (failure != null) {
            throw failure;
        }
    }
}
