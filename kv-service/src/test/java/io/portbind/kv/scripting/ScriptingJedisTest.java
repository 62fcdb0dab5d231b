package io.portbind.kv.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portbind.kv.testing.KvServerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisDataException;

/** What an application does with scripting through Jedis: a Lua lock and rate limiter, and a function library. */
class ScriptingJedisTest extends KvServerTest {

    /** A fixed-window rate limiter, as applications write them: INCR, EXPIRE on the first hit, allow up to ARGV[1]. */
    private static final String RATE_LIMIT = "local n = redis.call('incr', KEYS[1]) "
            + "if n == 1 then redis.call('expire', KEYS[1], ARGV[2]) end "
            + "return n <= tonumber(ARGV[1]) and 1 or 0";
    /** Release a lock only if we hold it, the classic compare-and-delete script. */
    private static final String UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    @Test
    void aRateLimiterScriptAllowsThreeHitsPerWindow() {
        String sha = redis.scriptLoad(RATE_LIMIT);
        List<Object> verdicts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            verdicts.add(redis.evalsha(sha, List.of("rate:alice"), List.of("3", "60")));
        }
        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), verdicts);
        assertEquals(60, redis.ttl("rate:alice"), 1);
    }

    @Test
    void aLockIsReleasedOnlyByItsHolder() {
        redis.set("lock:job", "token-1");
        assertEquals(0L, redis.eval(UNLOCK, List.of("lock:job"), List.of("token-2")));
        assertEquals("token-1", redis.get("lock:job"));
        assertEquals(1L, redis.eval(UNLOCK, List.of("lock:job"), List.of("token-1")));
        assertEquals(false, redis.exists("lock:job"));
    }

    @Test
    void aFunctionLibraryIsCalledWithFcallAndFcallRo() {
        redis.functionLoadReplace("#!lua name=counters\n"
                + "redis.register_function('bump', function(keys, args)\n"
                + "  return redis.call('incrby', keys[1], args[1])\n"
                + "end)\n"
                + "redis.register_function{function_name='peek', flags={'no-writes'},\n"
                + "  callback=function(keys) return redis.call('get', keys[1]) end}");
        assertEquals(5L, redis.fcall("bump", List.of("visits"), List.of("5")));
        assertEquals(7L, redis.fcall("bump", List.of("visits"), List.of("2")));
        assertEquals("7", redis.fcallReadonly("peek", List.of("visits"), List.of()));
        JedisDataException refused = assertThrows(JedisDataException.class,
                () -> redis.fcallReadonly("bump", List.of("visits"), List.of("1")));
        assertEquals("ERR Can not execute a script with write flag using *_ro command.", refused.getMessage());
        assertEquals("counters", redis.functionList().get(0).getLibraryName());
    }
}
