package io.portbind.kv.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot shows the keyspace as it was when taken, whatever is written afterwards. */
class KeyspaceSnapshotTest {

    private final Keyspace keyspace = new Keyspace();

    @Test
    void writesAfterTheSnapshotAreNotSeenInIt() throws Exception {
        keyspace.lock();
        KeyspaceView view;
        try {
            Database db = keyspace.database(3);
            db.put(bytes("kept"), bytes("before"));
            db.put(bytes("ttl"), bytes("x"));
            db.setExpireTime(bytes("ttl"), keyspace.now() + 60_000);
            view = keyspace.snapshot();
            db.put(bytes("kept"), bytes("after"));
            db.put(bytes("new"), bytes("later"));
        } finally {
            keyspace.unlock();
        }
        List<String> seen = new ArrayList<>();
        view.forEach(3, (key, value, expireAt) -> seen.add(text(key) + "=" + text((byte[]) value)
                + (expireAt == Database.NO_EXPIRY ? "" : " with ttl")));
        seen.sort(null);
        assertEquals(List.of("kept=before", "ttl=x with ttl"), seen);
        assertEquals(2, view.size(3));
        assertEquals(1, view.expiringSize(3));
        assertEquals(0, view.size(0));
        assertEquals(0, view.expiringSize(0));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
