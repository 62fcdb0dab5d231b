package io.portbind.kv.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

/** A work queue on a stream through Jedis's stream API: producers add, a group's consumers read, ack and claim. */
class StreamConsumerGroupJedisTest extends KvServerTest {

    @Test
    void aStalledConsumersJobIsClaimedByAnotherAndAcknowledged() {
        redis.xgroupCreate("jobs", "workers", StreamEntryID.XGROUP_LAST_ENTRY, true);
        StreamEntryID first = redis.xadd("jobs", StreamEntryID.NEW_ENTRY, Map.of("task", "resize"));
        StreamEntryID second = redis.xadd("jobs", StreamEntryID.NEW_ENTRY, Map.of("task", "upload"));
        assertTrue(second.compareTo(first) > 0, "generated ids grow");

        List<Map.Entry<String, List<StreamEntry>>> delivered = redis.xreadGroup("workers", "alice",
                XReadGroupParams.xReadGroupParams().count(1),
                Map.of("jobs", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertEquals("jobs", delivered.get(0).getKey());
        assertEquals(first, delivered.get(0).getValue().get(0).getID());
        assertEquals(Map.of("task", "resize"), delivered.get(0).getValue().get(0).getFields());
        List<Map.Entry<String, List<StreamEntry>>> toBob = redis.xreadGroup("workers", "bob",
                XReadGroupParams.xReadGroupParams(), Map.of("jobs", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertEquals(second, toBob.get(0).getValue().get(0).getID());

        StreamPendingSummary pending = redis.xpending("jobs", "workers");
        assertEquals(2, pending.getTotal());
        assertEquals(first, pending.getMinId());
        assertEquals(second, pending.getMaxId());
        assertEquals(Map.of("alice", 1L, "bob", 1L), pending.getConsumerMessageCount());

        List<StreamEntry> claimed = redis.xclaim("jobs", "workers", "bob", 0, XClaimParams.xClaimParams(), first);
        assertEquals(List.of(first), claimed.stream().map(StreamEntry::getID).toList());
        List<StreamPendingEntry> bobs = redis.xpending("jobs", "workers", XPendingParams.xPendingParams(
                StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID, 10).consumer("bob"));
        assertEquals(List.of(first, second), bobs.stream().map(StreamPendingEntry::getID).toList());
        assertEquals(2, bobs.get(0).getDeliveredTimes());

        assertEquals(2, redis.xack("jobs", "workers", first, second));
        assertEquals(0, redis.xpending("jobs", "workers").getTotal());
        assertEquals(2, redis.xlen("jobs"));
    }
}
