package io.portbind.kv.pubsub;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH and PUBSUB CHANNELS/NUMSUB/NUMPAT. A RESP2
 * client with subscriptions is in subscribed mode: a gate refuses all but the (un)subscribe commands,
 * PING (answered as a message), QUIT and RESET. RESP3 clients get subscription replies and messages as
 * push messages and may run any command meanwhile.
 */
public final class PubSubCommands implements CommandFamily {

    private PubSubHub hub;

    @Override
    public void register(CommandRegistry registry) {
        hub = new PubSubHub(registry.server().keyspace());
        registry.server().provide(Publisher.class, hub::publish);
        registry.bind("subscribe", call -> subscribe(call, Subscription.CHANNEL))
                .bind("unsubscribe", call -> unsubscribe(call, Subscription.CHANNEL))
                .bind("psubscribe", call -> subscribe(call, Subscription.PATTERN))
                .bind("punsubscribe", call -> unsubscribe(call, Subscription.PATTERN))
                .bind("publish", call -> call.reply().integer(hub.publish(call.arg(1), call.arg(2))))
                .bind("pubsub|channels", this::channels)
                .bind("pubsub|numsub", this::numsub)
                .bind("pubsub|numpat", call -> call.reply().integer(hub.patternCount()));
    }

    /** Forgets every subscription of {@code session}, without replies (RESET). */
    public void unsubscribeAll(Session session) {
        hub.unsubscribeAll(session);
    }

    private void subscribe(Call call, Subscription subscription) {
        byte[] kind = kind(call);
        for (int i = 1; i < call.argCount(); i++) {
            confirm(call.reply(), kind, call.arg(i), hub.subscribe(call.session(), call.arg(i), subscription));
        }
    }

    private void unsubscribe(Call call, Subscription subscription) {
        byte[] kind = kind(call);
        if (call.argCount() == 1) {
            List<byte[]> all = hub.subscriptionsOf(call.session(), subscription);
            if (all.isEmpty()) {
                confirm(call.reply(), kind, null, call.session().subscriptionCount());
            }
            for (byte[] name : all) {
                confirm(call.reply(), kind, name, hub.unsubscribe(call.session(), name, subscription));
            }
            return;
        }
        for (int i = 1; i < call.argCount(); i++) {
            confirm(call.reply(), kind, call.arg(i), hub.unsubscribe(call.session(), call.arg(i), subscription));
        }
    }

    /** The confirmation Redis sends per channel: {@code [kind, name or null, subscription count]}, a push in RESP3. */
    private static void confirm(Reply reply, byte[] kind, byte[] name, int count) {
        reply.push(3);
        reply.bulk(kind);
        reply.bulk(name);
        reply.integer(count);
    }

    private static byte[] kind(Call call) {
        return call.spec().name().getBytes(StandardCharsets.US_ASCII);
    }

    private void channels(Call call) {
        if (call.argCount() > 3) {
            throw new CommandError("ERR unknown subcommand or wrong number of arguments for '" + call.text(1)
                    + "'. Try PUBSUB HELP.");
        }
        List<byte[]> active = hub.activeChannels(call.argCount() == 3 ? call.arg(2) : null);
        call.reply().array(active.size());
        for (byte[] channel : active) {
            call.reply().bulk(channel);
        }
    }

    private void numsub(Call call) {
        call.reply().array((call.argCount() - 2) * 2);
        for (int i = 2; i < call.argCount(); i++) {
            call.reply().bulk(call.arg(i));
            call.reply().integer(hub.subscriberCount(call.arg(i)));
        }
    }
}
