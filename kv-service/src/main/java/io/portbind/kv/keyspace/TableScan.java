package io.portbind.kv.keyspace;

import java.util.function.BiConsumer;

/** SCAN, SSCAN, ZSCAN and HSCAN over a hash table: whole buckets per step, in {@link ByteKeyTable#scanBucket} order. */
public final class TableScan {

    /** Redis's bound on the empty buckets one call may walk: ten times COUNT. */
    private static final long EMPTY_BUCKETS_PER_COUNT = 10;

    private TableScan() {
    }

    /**
     * Visits buckets from {@code cursor} on until at least {@code count} entries were visited, the walk met ten
     * times {@code count} buckets, or the table was finished; returns the next cursor, 0 when finished.
     */
    public static <V> long scan(ByteKeyTable<V> table, long cursor, long count, BiConsumer<byte[], V> action) {
        Counter<V> visited = new Counter<>(action);
        long buckets = count > Long.MAX_VALUE / EMPTY_BUCKETS_PER_COUNT
                ? Long.MAX_VALUE : count * EMPTY_BUCKETS_PER_COUNT;
        do {
            cursor = table.scanBucket(cursor, visited);
        } while (cursor != 0 && visited.count < count && --buckets > 0);
        return cursor;
    }

    /** Passes entries on and counts them. */
    private static final class Counter<V> implements BiConsumer<byte[], V> {

        private final BiConsumer<byte[], V> action;
        private long count;

        Counter(BiConsumer<byte[], V> action) {
            this.action = action;
        }

        @Override
        public void accept(byte[] key, V value) {
            count++;
            action.accept(key, value);
        }
    }
}
