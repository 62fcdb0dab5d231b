package io.portbind.kv.pubsub;

import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.LOADING;
import static io.portbind.kv.table.CommandFlag.NOSCRIPT;
import static io.portbind.kv.table.CommandFlag.PUBSUB;
import static io.portbind.kv.table.CommandFlag.STALE;
import static io.portbind.kv.table.CommandSpec.command;
import static io.portbind.kv.table.CommandSpec.container;
import static io.portbind.kv.table.DispatchRule.SUBSCRIBED_CONTEXT;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandGroup;
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
        registry.add(command("subscribe", call -> subscribe(call, Subscription.CHANNEL)).arity(-2).rules(SUBSCRIBED_CONTEXT)
                        .flags(PUBSUB, NOSCRIPT, LOADING, STALE).group(CommandGroup.PUBSUB).since("2.0.0")
                        .summary("Listens for messages published to channels."))
                .add(command("unsubscribe", call -> unsubscribe(call, Subscription.CHANNEL)).arity(-1).rules(SUBSCRIBED_CONTEXT)
                        .flags(PUBSUB, NOSCRIPT, LOADING, STALE).group(CommandGroup.PUBSUB).since("2.0.0")
                        .summary("Stops listening to messages posted to channels."))
                .add(command("psubscribe", call -> subscribe(call, Subscription.PATTERN)).arity(-2).rules(SUBSCRIBED_CONTEXT)
                        .flags(PUBSUB, NOSCRIPT, LOADING, STALE).group(CommandGroup.PUBSUB).since("2.0.0")
                        .summary("Listens for messages published to channels that match one or more patterns."))
                .add(command("punsubscribe", call -> unsubscribe(call, Subscription.PATTERN)).arity(-1).rules(SUBSCRIBED_CONTEXT)
                        .flags(PUBSUB, NOSCRIPT, LOADING, STALE).group(CommandGroup.PUBSUB).since("2.0.0")
                        .summary("Stops listening to messages published to channels that match one or more patterns."))
                .add(command("publish", call -> call.reply().integer(hub.publish(call.arg(1), call.arg(2))))
                        .arity(3).flags(PUBSUB, LOADING, STALE, FAST).group(CommandGroup.PUBSUB).since("2.0.0")
                        .summary("Posts a message to a channel."))
                .add(container("pubsub").group(CommandGroup.PUBSUB).since("2.8.0")
                        .summary("A container for Pub/Sub commands.")
                        .subcommand(command("channels", this::channels).arity(-2).flags(PUBSUB, LOADING, STALE)
                                .since("2.8.0").summary("Returns the active channels."))
                        .subcommand(command("numsub", this::numsub).arity(-2).flags(PUBSUB, LOADING, STALE)
                                .since("2.8.0").summary("Returns a count of subscribers to channels."))
                        .subcommand(command("numpat", call -> call.reply().integer(hub.patternCount())).arity(2)
                                .flags(PUBSUB, LOADING, STALE).since("2.8.0")
                                .summary("Returns a count of unique pattern subscriptions.")));
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
