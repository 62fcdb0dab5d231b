package io.portbind.kv.keys;

import io.portbind.kv.keyspace.GlobPattern;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The commands that look at the whole key space of the selected database: KEYS, SCAN and RANDOMKEY. */
final class KeyspaceScans {

    private KeyspaceScans() {
    }

    /** KEYS pattern: every live key that matches, in table order (Redis's order is its dict's, as arbitrary). */
    static void keys(Call call) {
        byte[] pattern = call.arg(1);
        List<byte[]> found = new ArrayList<>();
        call.db().forEach((key, value) -> {
            if (GlobPattern.matches(pattern, key, GlobPattern.Case.SENSITIVE)) {
                found.add(key);
            }
        });
        call.reply().array(found.size());
        found.forEach(call.reply()::bulk);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. */
    static void scan(Call call) {
        long cursor = ScanArguments.cursor(call, 1);
        ScanArguments scan = ScanArguments.parse(call, 2, ScanScope.KEYSPACE);
        List<byte[]> found = new ArrayList<>();
        long next = call.db().scan(cursor, scan.count(), (key, value) -> {
            if (scan.matches(key) && scan.hasType(value)) {
                found.add(key);
            }
        });
        ScanArguments.replyHeader(call, next, found.size());
        found.forEach(call.reply()::bulk);
    }

    /** RANDOMKEY: a live key of the database, or a null bulk string when it is empty. */
    static void randomKey(Call call) {
        byte[] key = call.db().randomKey(ThreadLocalRandom.current());
        if (key == null) {
            call.reply().nullBulk();
        } else {
            call.reply().bulk(key);
        }
    }
}
