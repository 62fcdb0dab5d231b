package io.portbind.kv.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.kv.testing.KvTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * WATCH/MULTI/EXEC as an optimistic lock: many clients read a counter, and write it back plus one in
 * a transaction that fails when another client got there first, then retry. No increment is lost.
 */
class OptimisticLockTest {

    private static final int CLIENTS = 12;
    private static final int INCREMENTS = 150;

    @Test
    void concurrentCheckAndSetIncrementsEndWithTheExactTotal() throws Exception {
        try (KvTestServer server = KvTestServer.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> retries = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                retries.add(pool.submit(() -> {
                    try (Jedis redis = server.jedis()) {
                        return incrementWithCheckAndSet(redis);
                    }
                }));
            }
            for (Future<Integer> each : retries) {
                each.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            try (Jedis redis = server.jedis()) {
                assertEquals(Integer.toString(CLIENTS * INCREMENTS), redis.get("counter"));
            }
        }
    }

    /** Increments "counter" {@link #INCREMENTS} times with GET + SET under WATCH; returns how many EXECs failed. */
    private static int incrementWithCheckAndSet(Jedis redis) {
        int failed = 0;
        for (int done = 0; done < INCREMENTS; ) {
            redis.watch("counter");
            String value = redis.get("counter");
            long next = value == null ? 1 : Long.parseLong(value) + 1;
            Transaction transaction = redis.multi();
            transaction.set("counter", Long.toString(next));
            if (transaction.exec() == null) {
                failed++;
            } else {
                done++;
            }
        }
        return failed;
    }
}
