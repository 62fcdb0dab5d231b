package io.portbind.kv.snapshot;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every key of a keyspace or a view as text ({@code db3:key -> list[a, b] ttl}), to compare whole states. */
final class Rendering {

    private Rendering() {
    }

    /** The live keyspace; the caller holds its lock. */
    static Map<String, String> of(Keyspace keyspace) {
        Map<String, String> all = new TreeMap<>();
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            Database database = keyspace.database(db);
            int index = db;
            database.forEach((key, value) -> all.put(name(index, key), value(value, database.expireTime(key))));
        }
        return all;
    }

    static Map<String, String> of(KeyspaceView view) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            int index = db;
            view.forEach(db, (key, value, expireAt) -> all.put(name(index, key), value(value, expireAt)));
        }
        return all;
    }

    static String name(int db, byte[] key) {
        return "db" + db + ":" + text(key);
    }

    static String value(Object value, long expireAt) {
        return value(value) + (expireAt == Database.NO_EXPIRY ? "" : " ttl " + expireAt);
    }

    static String value(Object value) {
        List<String> parts = new ArrayList<>();
        if (value instanceof byte[] string) {
            return "string " + text(string);
        } else if (value instanceof ListValue list) {
            for (int i = 0; i < list.size(); i++) {
                parts.add(text(list.get(i)));
            }
            return "list " + parts;
        } else if (value instanceof HashValue hash) {
            Map<String, String> fields = new TreeMap<>();
            hash.forEach((field, fieldValue) -> fields.put(text(field), text(fieldValue)));
            return "hash " + fields;
        } else if (value instanceof SetValue set) {
            set.forEach(member -> parts.add(text(member)));
            parts.sort(null);
            return "set " + parts;
        }
        for (Node node = ((SortedSetValue) value).first(); node != null; node = node.next()) {
            parts.add(text(node.member()) + "=" + node.score());
        }
        return "zset " + parts;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
