package io.portbind.kv.hashes;

import io.portbind.kv.keys.ScanArguments;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.List;

/** HSCAN key cursor [MATCH pattern] [COUNT count]. */
final class HashScan {

    private HashScan() {
    }

    static void hscan(Call call) {
        long cursor = ScanArguments.cursor(call, 2);
        HashValue hash = HashReads.at(call);
        if (hash == null) {
            ScanArguments.replyHeader(call, 0, 0);
            return;
        }
        ScanArguments scan = ScanArguments.parseForKey(call);
        List<byte[]> found = new ArrayList<>();
        long next = hash.scan(cursor, scan.count(), (field, value) -> {
            if (scan.matches(field)) {
                found.add(field);
                found.add(value);
            }
        });
        ScanArguments.replyHeader(call, next, found.size());
        found.forEach(call.reply()::bulk);
    }
}
