package io.portbind.kv.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import io.portbind.kv.testing.RawClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

class PubSubCommandsTest extends KvServerTest {

    /** A JedisPubSub that records what it receives as "kind pattern channel message" lines. */
    private static final class Recorder extends JedisPubSub {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final CountDownLatch subscribed;

        Recorder(int subscriptions) {
            subscribed = new CountDownLatch(subscriptions);
        }

        @Override
        public void onMessage(String channel, String message) {
            received.add("message " + channel + " " + message);
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            received.add("pmessage " + pattern + " " + channel + " " + message);
        }

        @Override
        public void onSubscribe(String channel, int count) {
            subscribed.countDown();
        }

        @Override
        public void onPSubscribe(String pattern, int count) {
            subscribed.countDown();
        }

        String next() throws InterruptedException {
            return received.poll(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void subscriberReceivesWhatIsPublishedToItsChannelsAndPatterns() throws Exception {
        Recorder romeo = new Recorder(2);
        Thread listening = subscribeInBackground(server::jedis, romeo, "balcony");
        assertTrue(awaitSubscribers("balcony", 1));
        romeo.psubscribe("verona.*");
        assertTrue(romeo.subscribed.await(5, TimeUnit.SECONDS));
        assertEquals(1, redis.publish("balcony", "wherefore art thou"));
        assertEquals("message balcony wherefore art thou", romeo.next());
        assertEquals(1, redis.publish("verona.square", "a brawl"));
        assertEquals("pmessage verona.* verona.square a brawl", romeo.next());
        assertEquals(0, redis.publish("mantua", "exile"));
        romeo.unsubscribe();
        romeo.punsubscribe();
        listening.join(5_000);
        assertEquals(0, redis.publish("balcony", "anyone?"));
    }

    @Test
    void publishCountsEveryReceivingSubscription() throws Exception {
        try (RawClient channelAndPattern = new RawClient(server.port());
             RawClient other = new RawClient(server.port())) {
            channelAndPattern.send("SUBSCRIBE news\r\nPSUBSCRIBE n*\r\n");
            channelAndPattern.readUntil(":2\r\n");
            other.send("SUBSCRIBE news\r\n");
            other.readUntil(":1\r\n");
            assertEquals(3, redis.publish("news", "x"));
            String expected = "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$1\r\nx\r\n"
                    + "*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$1\r\nx\r\n";
            assertEquals(expected, channelAndPattern.read(expected.length()));
        }
    }

    @Test
    void subscribedModeAllowsOnlySubscriptionCommandsAndPing() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("SUBSCRIBE a\r\nGET k\r\nPING\r\nPING hi\r\nEXEC\r\n");
            String onlySubscribe = "only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this "
                    + "context\r\n";
            String expected = "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n"
                    + "-ERR Can't execute 'get': " + onlySubscribe
                    + "*2\r\n$4\r\npong\r\n$0\r\n\r\n"
                    + "*2\r\n$4\r\npong\r\n$2\r\nhi\r\n"
                    + "-EXECABORT Transaction discarded because of: Can't execute 'exec': " + onlySubscribe;
            assertEquals(expected, client.read(expected.length()));
            client.send("UNSUBSCRIBE\r\nPING\r\n");
            assertEquals("*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:0\r\n+PONG\r\n", client.readUntil("+PONG\r\n"));
        }
    }

    @Test
    void resp3ClientsGetPushMessagesAndMayRunOtherCommands() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("HELLO 3\r\n");
            client.readUntil("modules\r\n*0\r\n");
            client.send("SUBSCRIBE chat\r\nSET k v\r\nGET k\r\n");
            assertEquals(">3\r\n$9\r\nsubscribe\r\n$4\r\nchat\r\n:1\r\n+OK\r\n$1\r\nv\r\n",
                    client.readUntil("$1\r\nv\r\n"));
            assertEquals(1, redis.publish("chat", "hello"));
            assertEquals(">3\r\n$7\r\nmessage\r\n$4\r\nchat\r\n$5\r\nhello\r\n", client.readUntil("hello\r\n"));
            // Pipelined behind another reply: the push to itself comes after GET's reply and before PUBLISH's.
            client.send("GET k\r\nPUBLISH chat self\r\nPING\r\n");
            assertEquals("$1\r\nv\r\n>3\r\n$7\r\nmessage\r\n$4\r\nchat\r\n$4\r\nself\r\n:1\r\n+PONG\r\n",
                    client.readUntil("+PONG\r\n"));
            client.send("UNSUBSCRIBE\r\nUNSUBSCRIBE\r\n");
            assertEquals(">3\r\n$11\r\nunsubscribe\r\n$4\r\nchat\r\n:0\r\n>3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n",
                    client.readUntil("_\r\n:0\r\n"));
        }
    }

    @Test
    void jedisResp3SubscriberReceivesPushMessages() throws Exception {
        Recorder juliet = new Recorder(1);
        Thread listening = subscribeInBackground(server::jedisResp3, juliet, "balcony");
        assertTrue(juliet.subscribed.await(5, TimeUnit.SECONDS));
        assertEquals(1, redis.publish("balcony", "good night"));
        assertEquals("message balcony good night", juliet.next());
        juliet.unsubscribe();
        listening.join(5_000);
    }

    @Test
    void pubsubIntrospection() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("SUBSCRIBE news.tech news.art other\r\nPSUBSCRIBE news.* n*\r\n");
            client.readUntil("$2\r\nn*\r\n:5\r\n");
            assertEquals(List.of("news.art", "news.tech"), redis.pubsubChannels("news.*").stream().sorted().toList());
            assertEquals(3, redis.pubsubChannels().size());
            assertEquals(Map.of("news.tech", 1L, "missing", 0L), redis.pubsubNumSub("news.tech", "missing"));
            assertEquals(2, redis.pubsubNumPat());
        }
        assertTrue(awaitSubscribers("news.tech", 0));
        assertEquals(0, redis.pubsubNumPat());
    }

    @Test
    void slowSubscriberIsDisconnectedWithoutHoldingUpThePublisher() throws Exception {
        String message = "x".repeat(64 * 1024);
        try (RawClient sleeper = new RawClient(server.port())) {
            sleeper.send("SUBSCRIBE firehose\r\n");
            sleeper.readUntil(":1\r\n");
            long receivers = 1;
            for (int i = 0; i < 4_000 && receivers > 0; i++) {
                receivers = redis.publish("firehose", message);
            }
            assertEquals(0, receivers, "the subscriber that never reads was dropped");
            assertEquals("PONG", redis.ping());
        }
    }

    /** Waits until {@code channel} has exactly {@code count} subscribers. */
    private boolean awaitSubscribers(String channel, long count) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (redis.pubsubNumSub(channel).get(channel) == count) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Jedis's subscribe blocks its thread until the last unsubscribe: run it on one of its own. */
    private static Thread subscribeInBackground(Supplier<Jedis> connect, Recorder recorder, String channel) {
        Thread thread = new Thread(() -> {
            try (Jedis jedis = connect.get()) {
                jedis.subscribe(recorder, channel);
            }
        });
        thread.start();
        return thread;
    }
}
