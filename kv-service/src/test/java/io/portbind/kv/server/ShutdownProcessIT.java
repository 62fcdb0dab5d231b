package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import io.portbind.kv.table.Command;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** SHUTDOWN stops the kv-service process gracefully, exit status 0, as SIGTERM would. */
class ShutdownProcessIT {

    @Test
    void shutdownNosaveEndsTheProcessAndTheClientGetsNoReply() throws Exception {
        try (ServiceProcess kv = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("KV_PORT", "0"))) {
            int port = kv.awaitListening(Duration.ofSeconds(20));
            try (Jedis redis = new Jedis("127.0.0.1", port)) {
                assertEquals("ERR Errors trying to SHUTDOWN. Check logs.", assertThrows(JedisDataException.class,
                        () -> redis.sendCommand(Protocol.Command.SHUTDOWN, "SAVE")).getMessage());
                assertThrows(JedisConnectionException.class,
                        () -> redis.sendCommand(Protocol.Command.SHUTDOWN, "NOSAVE"));
            }
            assertEquals(0, kv.awaitExit(Duration.ofSeconds(10)));
            assertTrue(kv.stderr().stream().noneMatch(line -> line.contains("Exception")), kv.stderr().toString());
        }
    }
}
