package io.portbind.kv.rdb;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.keyspace.StoredValue;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.zsets.SortedSetValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads one value of a given RDB type into our value classes (rdbLoadObject): every encoding Redis 7.0 reads for
 * strings, lists, sets, hashes, sorted sets and streams, old ones included. The value classes choose their own encoding by
 * Redis's thresholds as elements are added, as Redis converts on load. Duplicate members or fields, NaN scores and
 * malformed blobs are corruption; an empty collection reads as null (Redis skips such keys).
 */
final class ValueDecoder {

    /** No collection of ours can hold more; a larger count in a file is corruption. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private ValueDecoder() {
    }

    /** Whether {@code type} is a value type byte rather than an opcode. */
    static boolean isValueType(int type) {
        return type >= Rdb.TYPE_STRING && type <= Rdb.TYPE_STREAM_LISTPACKS_2 && type != 8;
    }

    /** Whether we have a value class for {@code type}: not for module values. */
    static boolean isSupported(int type) {
        return isValueType(type) && type != Rdb.TYPE_MODULE_PRE_GA && type != Rdb.TYPE_MODULE_2;
    }

    /** The value of type {@code type} that follows in {@code in}; null when it is an empty collection. */
    static Object read(RdbInput in, int type) throws IOException {
        return switch (type) {
            case Rdb.TYPE_STRING -> in.readString("string value");
            case Rdb.TYPE_LIST -> readLinkedList(in);
            case Rdb.TYPE_LIST_ZIPLIST -> nonEmpty(list(blob(in, "list ziplist", Ziplist::entries), new ListValue()));
            case Rdb.TYPE_LIST_QUICKLIST -> readQuicklist(in, false);
            case Rdb.TYPE_LIST_QUICKLIST_2 -> readQuicklist(in, true);
            case Rdb.TYPE_SET -> readSet(in);
            case Rdb.TYPE_SET_INTSET -> readIntset(in);
            case Rdb.TYPE_HASH -> readHash(in);
            case Rdb.TYPE_HASH_ZIPMAP -> hash(in, blob(in, "hash zipmap", Zipmap::entries));
            case Rdb.TYPE_HASH_ZIPLIST -> hash(in, blob(in, "hash ziplist", Ziplist::entries));
            case Rdb.TYPE_HASH_LISTPACK -> hash(in, blob(in, "hash listpack", Listpack::entries));
            case Rdb.TYPE_ZSET, Rdb.TYPE_ZSET_2 -> readSkiplist(in, type == Rdb.TYPE_ZSET_2);
            case Rdb.TYPE_ZSET_ZIPLIST -> zset(in, blob(in, "sorted set ziplist", Ziplist::entries));
            case Rdb.TYPE_ZSET_LISTPACK -> zset(in, blob(in, "sorted set listpack", Listpack::entries));
            case Rdb.TYPE_STREAM_LISTPACKS, Rdb.TYPE_STREAM_LISTPACKS_2 ->
                    StreamCodec.read(in, type == Rdb.TYPE_STREAM_LISTPACKS_2);
            default -> throw in.corrupt("cannot load a value of type " + Rdb.typeName(type)
                    + ": kv-service holds no module values");
        };
    }

    private interface BlobParser {
        List<byte[]> parse(byte[] blob);
    }

    /** A blob string parsed by {@code parser}, its errors reported at the blob's offset. */
    private static List<byte[]> blob(RdbInput in, String what, BlobParser parser) throws IOException {
        long at = in.offset();
        byte[] blob = in.readString(what);
        try {
            return parser.parse(blob);
        } catch (IllegalArgumentException malformed) {
            throw in.corruptAt(at, "invalid " + what + ": " + malformed.getMessage());
        }
    }

    private static Object readLinkedList(RdbInput in) throws IOException {
        int count = in.readCount("list length", MAX_ELEMENTS);
        ListValue list = new ListValue();
        for (int i = 0; i < count; i++) {
            list.addLast(in.readString("list element"));
        }
        return nonEmpty(list);
    }

    /** Nodes of ziplists (QUICKLIST), or of a container byte then a listpack or one plain element (QUICKLIST_2). */
    private static Object readQuicklist(RdbInput in, boolean version2) throws IOException {
        int nodes = in.readCount("quicklist node count", MAX_ELEMENTS);
        ListValue list = new ListValue();
        for (int i = 0; i < nodes; i++) {
            int container = Rdb.QUICKLIST_NODE_PACKED;
            if (version2) {
                long at = in.offset();
                container = (int) in.readLength("quicklist node container");
                if (container != Rdb.QUICKLIST_NODE_PACKED && container != Rdb.QUICKLIST_NODE_PLAIN) {
                    throw in.corruptAt(at, "quicklist node container " + container + " is neither plain nor packed");
                }
            }
            if (container == Rdb.QUICKLIST_NODE_PLAIN) {
                list.addLast(in.readString("plain quicklist node"));
            } else if (version2) {
                list(blob(in, "quicklist listpack", Listpack::entries), list);
            } else {
                list(blob(in, "quicklist ziplist", Ziplist::entries), list);
            }
            if (list.size() > MAX_ELEMENTS) {
                throw in.corrupt("list is longer than " + MAX_ELEMENTS + " elements");
            }
        }
        return nonEmpty(list);
    }

    private static ListValue list(List<byte[]> elements, ListValue list) {
        for (byte[] element : elements) {
            list.addLast(element);
        }
        return list;
    }

    private static Object readSet(RdbInput in) throws IOException {
        int count = in.readCount("set size", MAX_ELEMENTS);
        SetValue set = new SetValue();
        for (int i = 0; i < count; i++) {
            long at = in.offset();
            if (!set.add(in.readString("set member"))) {
                throw in.corruptAt(at, "duplicate set member");
            }
        }
        return nonEmpty(set);
    }

    private static Object readIntset(RdbInput in) throws IOException {
        long at = in.offset();
        byte[] blob = in.readString("intset");
        long[] members;
        try {
            members = Intset.members(blob);
        } catch (IllegalArgumentException malformed) {
            throw in.corruptAt(at, "invalid intset: " + malformed.getMessage());
        }
        SetValue set = new SetValue();
        for (long member : members) {
            set.add(CanonicalInteger.text(member));
        }
        return nonEmpty(set);
    }

    private static Object readHash(RdbInput in) throws IOException {
        int count = in.readCount("hash size", MAX_ELEMENTS);
        HashValue hash = new HashValue();
        for (int i = 0; i < count; i++) {
            long at = in.offset();
            byte[] field = in.readString("hash field");
            if (!hash.put(field, in.readString("hash value"))) {
                throw in.corruptAt(at, "duplicate hash field");
            }
        }
        return nonEmpty(hash);
    }

    private static Object hash(RdbInput in, List<byte[]> pairs) throws IOException {
        if (pairs.size() % 2 != 0) {
            throw in.corrupt("hash blob holds an odd number of entries");
        }
        HashValue hash = new HashValue();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (!hash.put(pairs.get(i), pairs.get(i + 1))) {
                throw in.corrupt("hash blob holds a duplicate field");
            }
        }
        return nonEmpty(hash);
    }

    private static Object readSkiplist(RdbInput in, boolean binaryScores) throws IOException {
        int count = in.readCount("sorted set size", MAX_ELEMENTS);
        SortedSetValue zset = new SortedSetValue();
        for (int i = 0; i < count; i++) {
            long at = in.offset();
            byte[] member = in.readString("sorted set member");
            double score = binaryScores ? in.readBinaryDouble("score") : in.readTextDouble("score");
            if (Double.isNaN(score)) {
                throw in.corruptAt(at, "sorted set member with a NaN score");
            }
            if (!zset.put(member, score)) {
                throw in.corruptAt(at, "duplicate sorted set member");
            }
        }
        return nonEmpty(zset);
    }

    private static Object zset(RdbInput in, List<byte[]> pairs) throws IOException {
        if (pairs.size() % 2 != 0) {
            throw in.corrupt("sorted set blob holds an odd number of entries");
        }
        SortedSetValue zset = new SortedSetValue();
        for (int i = 0; i < pairs.size(); i += 2) {
            double score = score(pairs.get(i + 1));
            if (Double.isNaN(score) || !zset.put(pairs.get(i), score)) {
                throw in.corrupt("sorted set blob holds a duplicate member or an invalid score");
            }
        }
        return nonEmpty(zset);
    }

    /** A score as a listpack or ziplist holds it: d2string's text (or an integer); NaN when it is not a number. */
    private static double score(byte[] text) {
        String s = new String(text, StandardCharsets.US_ASCII);
        switch (s.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException notANumber) {
                    return Double.NaN;
                }
        }
    }

    private static Object nonEmpty(StoredValue value) {
        return value.isEmpty() ? null : value;
    }
}
