package io.portbind.kv.table;

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

class ConcurrencyTest {

    private static final int CLIENTS = 16;
    private static final int INCREMENTS = 2_000;

    @Test
    void manyClientsIncrementingEndWithTheExactTotal() throws Exception {
        try (KvTestServer server = KvTestServer.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(pool.submit(() -> {
                    try (Jedis redis = server.jedis()) {
                        for (int i = 0; i < INCREMENTS; i++) {
                            redis.incr("counter");
                            redis.append("log", "x");
                            redis.lpush("list", "x");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            try (Jedis redis = server.jedis()) {
                assertEquals(Integer.toString(CLIENTS * INCREMENTS), redis.get("counter"));
                assertEquals(CLIENTS * INCREMENTS, redis.strlen("log"));
                assertEquals(CLIENTS * INCREMENTS, redis.llen("list"));
            }
        }
    }
}
