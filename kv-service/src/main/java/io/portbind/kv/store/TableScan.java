package io.portbind.kv.store;

import java.util.function.BiConsumer;

/** SSCAN and ZSCAN over a big collection's hash table: the cursor is the next slot to look at. */
final class TableScan {

    private TableScan() {
    }

    /**
     * Visits entries from slot {@code cursor} on until {@code count} were visited; returns the next cursor,
     * 0 when the table was finished.
     */
    static <V> long scan(ByteKeyTable<V> table, long cursor, long count, BiConsumer<byte[], V> action) {
        int slot = (int) Math.min(cursor, table.capacity());
        long visited = 0;
        for (; slot < table.capacity() && visited < count; slot++) {
            byte[] key = table.keyAt(slot);
            if (key != null) {
                action.accept(key, table.valueAt(slot));
                visited++;
            }
        }
        return slot >= table.capacity() ? 0 : slot;
    }
}
