package io.portbind.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.rdb.Fixture;
import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RawClient;
import io.portbind.kv.testing.RedisServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code redis-cli --rdb} against kv-service: the file it writes passes redis-check-rdb and redis-server loads
 * exactly the data set of every type; the handshake's edges answer as Redis's do (the REPLCONF and PSYNC errors
 * without a transfer are in the snapshot compat script).
 */
class SnapshotTransferTest {

    private static final long EXPIRE_AT = System.currentTimeMillis() + 3_600_000;

    @Test
    void redisCliRdbFetchesASnapshotThatRedisServerLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dump.rdb");
        List<String> ours;
        try (KvTestServer kv = KvTestServer.start(); Jedis client = kv.jedis()) {
            Fixture.apply(client, EXPIRE_AT);
            ours = Fixture.contents(client);
            String cli = ExternalTool.run(ExternalTool.require("redis-cli").toString(), "-p",
                    String.valueOf(kv.port()), "--rdb", file.toString()).ok();
            assertTrue(cli.contains("Transfer finished with success."), cli);
            assertEquals("PONG", client.ping(), "the server goes on after the transfer");
            try (var leftovers = Files.list(kv.dir())) {
                assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().startsWith("temp-"))
                        .toList(), "the temporary copy is removed");
            }
        }
        String check = ExternalTool.run(ExternalTool.require("redis-check-rdb").toString(), file.toString()).ok();
        assertTrue(check.contains("RDB looks OK!"), check);
        try (RedisServerProcess redis = RedisServerProcess.start("--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString(), "--dbfilename", "dump.rdb");
             Jedis client = redis.jedis()) {
            assertEquals(ours, Fixture.contents(client));
        }
    }

    @Test
    void psyncAnswersFullResyncWithTheRunIdThenTheSnapshotAndCloses() throws Exception {
        try (KvTestServer kv = KvTestServer.start(); Jedis client = kv.jedis(); RawClient raw = new RawClient(kv.port())) {
            client.set("k", "v");
            String runId = Pattern.compile("run_id:(\\w+)").matcher(client.info("server")).results()
                    .findFirst().orElseThrow().group(1);
            raw.send("REPLCONF rdb-only 1\r\n");
            assertEquals("+OK\r\n", raw.readUntil("\r\n"));
            raw.send("PSYNC ? -1\r\n");
            String transfer = raw.readToEnd();
            assertTrue(transfer.startsWith("+FULLRESYNC " + runId + " 0\r\n$"), transfer);
            String payload = transfer.substring(transfer.indexOf("\r\n", transfer.indexOf('$')) + 2);
            int length = Integer.parseInt(transfer.substring(transfer.indexOf('$') + 1, transfer.indexOf("\r\n",
                    transfer.indexOf('$'))));
            assertEquals(length, payload.getBytes(StandardCharsets.ISO_8859_1).length);
            assertTrue(payload.startsWith("REDIS0010"), payload);
            assertTrue(client.info("stats").contains("\r\nsync_full:1\r\n"));
        }
    }

    @Test
    void syncWithRepliesStillUnsentIsRefusedAsRedisDoes() throws Exception {
        try (KvTestServer kv = KvTestServer.start(); RawClient raw = new RawClient(kv.port())) {
            raw.send("SET a 1\r\nREPLCONF rdb-only 1\r\nSYNC\r\nPING\r\n");
            assertEquals("+OK\r\n+OK\r\n-ERR SYNC and PSYNC are invalid with pending output\r\n+PONG\r\n",
                    raw.readUntil("+PONG\r\n"));
        }
    }

    @Test
    void syncWithoutRdbOnlyIsRefusedSinceNoReplicaIsKeptAndAcksGetNoReply() throws Exception {
        try (KvTestServer kv = KvTestServer.start(); RawClient raw = new RawClient(kv.port())) {
            raw.send("SYNC\r\n");
            assertTrue(raw.readUntil("\r\n").startsWith("-ERR kv-service does not keep replicas"));
            raw.send("REPLCONF ack 5\r\nREPLCONF getack *\r\nPING\r\n");
            assertEquals("+PONG\r\n", raw.readUntil("\r\n"), "as from Redis, ACK and GETACK from a client get nothing");
        }
    }

}
