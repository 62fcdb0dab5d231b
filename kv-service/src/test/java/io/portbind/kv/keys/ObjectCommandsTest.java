package io.portbind.kv.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** OBJECT ENCODING, REFCOUNT and HELP with Jedis (FREQ and IDLETIME: eviction's AccessStampsTest). */
class ObjectCommandsTest extends KvServerTest {

    @Test
    void stringEncodingsFollowRedisRules() {
        redis.mset("int", "-12345", "padded", "007", "embstr", "x".repeat(44), "raw", "x".repeat(45));
        assertEquals("int", redis.objectEncoding("int"));
        assertEquals("embstr", redis.objectEncoding("padded"));
        assertEquals("embstr", redis.objectEncoding("embstr"));
        assertEquals("raw", redis.objectEncoding("raw"));
        assertNull(redis.objectEncoding("missing"));
    }

    @Test
    void smallNonNegativeIntegersAreShared() {
        redis.mset("shared", "9999", "own", "10000", "text", "abc");
        assertEquals(Integer.MAX_VALUE, redis.objectRefcount("shared"));
        assertEquals(1, redis.objectRefcount("own"));
        assertEquals(1, redis.objectRefcount("text"));
    }

    @Test
    void helpListsTheSubcommandsInBothProtocols() {
        List<String> help = redis.objectHelp();
        assertTrue(help.get(0).startsWith("OBJECT <subcommand>"));
        assertEquals("    Prints this help.", help.get(help.size() - 1));
        try (Jedis resp3 = server.jedisResp3()) {
            assertEquals(help, resp3.objectHelp());
        }
    }
}
