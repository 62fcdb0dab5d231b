package io.portbind.kv.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.zsets.SortedSetValue;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The keyspace's memory estimate (INFO's used_memory) against what the JVM really holds: the heap in use after a
 * full collection, before and after loading each kind of data into an otherwise empty keyspace. The estimate must be
 * within {@value #TOLERANCE_PERCENT}% of the measured growth for every kind; the table of figures is printed.
 */
class MemoryEstimateTest {

    private static final int TOLERANCE_PERCENT = 15;
    private static final int GC_ROUNDS = 5;

    @Test
    void estimateFollowsTheHeapForEveryType() throws InterruptedException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-34s %12s %12s %7s%n",
                "data", "heap growth", "estimate", "ratio"));
        check(table, "200k strings, 3-byte values", 200_000, (db, i) -> db.put(key(i), bytes("xxx")));
        check(table, "100k strings, 100-byte values", 100_000, (db, i) -> db.put(key(i), new byte[100]));
        check(table, "100k strings with a TTL", 100_000, (db, i) -> {
            db.put(key(i), bytes("xxx"));
            db.setExpireTime(key(i), Long.MAX_VALUE / 2);
        });
        check(table, "20k hashes of 10 (listpack)", 20_000, (db, i) -> {
            HashValue hash = new HashValue();
            for (int f = 0; f < 10; f++) {
                hash.put(bytes("field" + f), bytes("value" + f));
            }
            db.put(key(i), hash);
        });
        check(table, "200 hashes of 1000 (table)", 200, (db, i) -> {
            HashValue hash = new HashValue();
            db.put(key(i), hash);
            for (int f = 0; f < 1_000; f++) {
                hash.put(bytes("field:" + f), bytes("value:" + f));
                db.modified(key(i));
            }
        });
        check(table, "20k lists of 20", 20_000, (db, i) -> {
            ListValue list = new ListValue();
            for (int e = 0; e < 20; e++) {
                list.addLast(bytes("element" + e));
            }
            db.put(key(i), list);
        });
        check(table, "20k sets of 20 integers (intset)", 20_000, (db, i) -> {
            SetValue set = new SetValue();
            for (int m = 0; m < 20; m++) {
                set.add(bytes(Integer.toString(m * 7)));
            }
            db.put(key(i), set);
        });
        check(table, "200 sets of 1000 (table)", 200, (db, i) -> {
            SetValue set = new SetValue();
            for (int m = 0; m < 1_000; m++) {
                set.add(bytes("member:" + m));
            }
            db.put(key(i), set);
        });
        check(table, "200 sorted sets of 1000", 200, (db, i) -> {
            SortedSetValue zset = new SortedSetValue();
            for (int m = 0; m < 1_000; m++) {
                zset.put(bytes("member:" + m), m * 1.5);
            }
            db.put(key(i), zset);
        });
        System.out.print(table);
    }

    @Test
    void theEstimateReturnsToWhereItWasWhenEverythingIsDeleted() {
        Keyspace keyspace = new Keyspace();
        keyspace.lock();
        try {
            Database db = keyspace.database(3);
            long empty = keyspace.usedMemory();
            for (int i = 0; i < 1_000; i++) {
                HashValue hash = new HashValue();
                db.put(key(i), hash);
                for (int f = 0; f < 100; f++) {
                    hash.put(bytes("f" + f), bytes("v".repeat(f)));
                    db.modified(key(i));
                }
                db.setExpireTime(key(i), Long.MAX_VALUE / 2);
                db.put(key(i + 1_000_000), bytes("a string"));
            }
            assertTrue(keyspace.usedMemory() > empty + 1_000 * 100 * 32, "counted " + keyspace.usedMemory());
            assertEquals(keyspace.usedMemory(), sum(keyspace));
            for (int i = 0; i < 1_000; i++) {
                HashValue hash = db.get(key(i), ValueType.HASH);
                for (int f = 0; f < 50; f++) {
                    hash.remove(bytes("f" + f));
                    db.modified(key(i));
                }
                db.delete(key(i));
                db.delete(key(i + 1_000_000));
            }
            assertEquals(empty, keyspace.usedMemory());
        } finally {
            keyspace.unlock();
        }
    }

    private static long sum(Keyspace keyspace) {
        long total = 0;
        for (int i = 0; i < Keyspace.DATABASES; i++) {
            total += keyspace.database(i).usedMemory();
        }
        return total;
    }

    /** Loads {@code count} keys with {@code loader} into a fresh keyspace and adds a line to {@code table}. */
    private static void check(StringBuilder table, String data, int count, BiConsumer<Database, Integer> loader)
            throws InterruptedException {
        long heapBefore = heapAfterGc();
        Keyspace keyspace = new Keyspace();
        long estimateBefore = keyspace.usedMemory();
        keyspace.lock();
        try {
            for (int i = 0; i < count; i++) {
                loader.accept(keyspace.database(0), i);
            }
        } finally {
            keyspace.unlock();
        }
        long heapGrowth = heapAfterGc() - heapBefore;
        long estimate = keyspace.usedMemory() - estimateBefore;
        Reference.reachabilityFence(keyspace);
        double ratio = (double) estimate / heapGrowth;
        table.append(String.format(Locale.ROOT, "%-34s %12d %12d %7.3f%n", data, heapGrowth, estimate, ratio));
        assertTrue(Math.abs(ratio - 1) * 100 <= TOLERANCE_PERCENT, data + ": estimate " + estimate
                + " against a heap growth of " + heapGrowth + "\n" + table);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] key(int i) {
        return bytes(String.format(Locale.ROOT, "key:%012d", i));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
