package io.portbind.kv.keyspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KeyspaceView} made by copying every key, value and expiry time while the lock is held: correct at
 * one instant, at the price of a pause as long as the copy. The simplest snapshot; a copy-on-write one can
 * replace it behind {@link Keyspace#snapshot()}.
 */
final class CopiedKeyspace implements KeyspaceView {

    private record Entry(byte[] key, Object value, long expireAtMillis) {
    }

    private final List<List<Entry>> databases = new ArrayList<>();
    private final long[] expiring = new long[Keyspace.DATABASES];

    /** Copies {@code keyspace}; the caller holds its lock. */
    CopiedKeyspace(Keyspace keyspace) {
        for (int index = 0; index < Keyspace.DATABASES; index++) {
            Database db = keyspace.database(index);
            List<Entry> entries = new ArrayList<>(db.size());
            db.forEach((key, value) -> entries.add(new Entry(key.clone(),
                    value instanceof StoredValue stored ? stored.copy() : ((byte[]) value).clone(),
                    db.expireTime(key))));
            databases.add(entries);
            expiring[index] = db.expiringSize();
        }
    }

    @Override
    public long size(int db) {
        return databases.get(db).size();
    }

    @Override
    public long expiringSize(int db) {
        return expiring[db];
    }

    @Override
    public void forEach(int db, EntryVisitor visitor) throws IOException {
        for (Entry entry : databases.get(db)) {
            visitor.visit(entry.key(), entry.value(), entry.expireAtMillis());
        }
    }
}
