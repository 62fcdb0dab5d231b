package io.portbind.kv.rdb;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.keyspace.StoredValue;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/** A canonical text of a value (its type, encoding and contents, order-free where the type is), to compare values. */
final class Values {

    private Values() {
    }

    static String describe(Object value) {
        if (value instanceof byte[] string) {
            return "string " + hex(string);
        }
        StoredValue stored = (StoredValue) value;
        String head = stored.type().typeName() + "/" + stored.encoding() + " ";
        if (value instanceof ListValue list) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                elements.add(hex(list.get(i)));
            }
            return head + elements;
        }
        if (value instanceof SetValue set) {
            TreeMap<String, String> members = new TreeMap<>();
            set.forEach(member -> members.put(hex(member), ""));
            return head + members.keySet();
        }
        if (value instanceof HashValue hash) {
            TreeMap<String, String> pairs = new TreeMap<>();
            hash.forEach((field, v) -> pairs.put(hex(field), hex(v)));
            return head + pairs;
        }
        List<String> entries = new ArrayList<>();
        for (Node node = ((SortedSetValue) value).first(); node != null; node = node.next()) {
            entries.add(hex(node.member()) + "=" + (node.score() + 0.0)); // -0 reads back as 0 from a listpack
        }
        return head + entries;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
