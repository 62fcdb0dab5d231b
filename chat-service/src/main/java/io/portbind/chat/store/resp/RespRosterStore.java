package io.portbind.chat.store.resp;

import io.portbind.chat.store.Roster;
import io.portbind.chat.store.RosterChange;
import io.portbind.chat.store.RosterItem;
import io.portbind.chat.store.RosterStore;
import io.portbind.common.resp.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;

/**
 * Rosters in the RESP store: a hash of items per user and a version counter beside it. An update reads the
 * one item under {@code WATCH} of both keys, applies the change and writes item and version in one
 * transaction, made again if another node changed the roster in between.
 */
public final class RespRosterStore implements RosterStore {

    private final RespClient client;
    private final KeyLayout keys;

    public RespRosterStore(RespClient client, KeyLayout keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public CompletionStage<Roster> roster(BareJid owner) {
        return client.callOnOneConnection(redis -> {
            AbstractTransaction transaction = redis.multi();
            Response<Map<String, String>> items = transaction.hgetAll(keys.roster(owner));
            Response<String> version = transaction.get(keys.rosterVersion(owner));
            transaction.exec();
            List<RosterItem> decoded = new ArrayList<>(items.get().size());
            items.get().forEach((contact, value) -> decoded.add(RosterItemCodec.decode(jid(contact), value)));
            return new Roster(version(version.get()), decoded);
        });
    }

    @Override
    public CompletionStage<RosterItem> item(BareJid owner, BareJid contact) {
        return client.call(redis -> decode(contact, redis.hget(keys.roster(owner), contact.toString())));
    }

    @Override
    public CompletionStage<RosterChange> update(BareJid owner, BareJid contact, UnaryOperator<RosterItem> change) {
        String roster = keys.roster(owner);
        String versionKey = keys.rosterVersion(owner);
        String field = contact.toString();
        return client.callOnOneConnection(redis -> Transactions.retry(roster, () -> {
            redis.watch(roster, versionKey);
            RosterItem before = decode(contact, redis.hget(roster, field));
            RosterItem after = change.apply(before);
            if (after.equals(before)) {
                return Transactions.done(new RosterChange(before, after, version(redis.get(versionKey))));
            }
            AbstractTransaction transaction = redis.multi();
            if (after.isEmpty()) {
                transaction.hdel(roster, field);
            } else {
                transaction.hset(roster, field, RosterItemCodec.encode(after));
            }
            Response<Long> version = transaction.incr(versionKey);
            return Transactions.committed(transaction.exec(), () -> new RosterChange(before, after, version.get()));
        }));
    }

    @Override
    public CompletionStage<Void> removeAll(BareJid owner) {
        // The version keeps counting up, so a re-created account never sees a version reused.
        return client.callOnOneConnection(redis -> {
            AbstractTransaction transaction = redis.multi();
            transaction.del(keys.roster(owner));
            transaction.incr(keys.rosterVersion(owner));
            transaction.exec();
            return null;
        });
    }

    private static RosterItem decode(BareJid contact, String value) {
        return value == null ? RosterItem.unknown(contact) : RosterItemCodec.decode(contact, value);
    }

    private static long version(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    private static BareJid jid(String contact) {
        return JidCreate.bareFromOrThrowUnchecked(contact);
    }
}
