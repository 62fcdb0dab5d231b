package io.portbind.chat.store.resp;

import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.store.OfflineStore;
import io.portbind.chat.xml.XmlElement;
import io.portbind.common.resp.RespClient;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.BareJid;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;

/**
 * Offline messages in the RESP store, a sorted set per user scored by when each was stored, at most {@code
 * limit} of them. Scores rather than a list's order, because two messages one sender sends in a row are stored
 * by two calls that may reach the store in either order; the score, taken in sending order, keeps them oldest
 * first. The size is checked under {@code WATCH} and the message added in the transaction, so concurrent
 * senders on several nodes cannot push it past the limit.
 */
public final class RespOfflineStore implements OfflineStore {

    /** Microseconds since the epoch, strictly increasing within this process. */
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    private final RespClient client;
    private final KeyLayout keys;
    private final int limit;

    public RespOfflineStore(RespClient client, KeyLayout keys, int limit) {
        this.client = client;
        this.keys = keys;
        this.limit = limit;
    }

    @Override
    public CompletionStage<Boolean> store(BareJid owner, XmlElement message) {
        String key = keys.offline(owner);
        long stamp = nextStamp();
        // The stamp leads the member, so two equal messages are two members.
        String member = stamp + " " + message.toXml(Stanzas.CLIENT);
        return client.callOnOneConnection(redis -> Transactions.retry(key, () -> {
            redis.watch(key);
            if (redis.zcard(key) >= limit) {
                return Transactions.done(false);
            }
            AbstractTransaction transaction = redis.multi();
            transaction.zadd(key, stamp, member);
            return Transactions.committed(transaction.exec(), true);
        }));
    }

    @Override
    public CompletionStage<List<String>> takeAll(BareJid owner) {
        String key = keys.offline(owner);
        return client.callOnOneConnection(redis -> {
            AbstractTransaction transaction = redis.multi();
            Response<List<String>> messages = transaction.zrange(key, 0, -1);
            transaction.del(key);
            transaction.exec();
            return messages.get().stream().map(member -> member.substring(member.indexOf(' ') + 1)).toList();
        });
    }

    private static long nextStamp() {
        long now = System.currentTimeMillis() * 1000;
        return LAST_STAMP.updateAndGet(last -> Math.max(now, last + 1));
    }
}
