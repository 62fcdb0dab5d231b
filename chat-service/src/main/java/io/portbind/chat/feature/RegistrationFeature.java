package io.portbind.chat.feature;

import io.portbind.chat.Host;
import io.portbind.chat.negotiation.StreamFeature;
import io.portbind.chat.roster.SubscriptionFlow;
import io.portbind.chat.routing.Addressee;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Phase;
import io.portbind.chat.session.Resource;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.stream.StreamError;
import io.portbind.chat.throttle.RegistrationLimit;
import io.portbind.chat.throttle.TrustedNetworks;
import io.portbind.chat.throttle.WindowCounters;
import io.portbind.chat.xml.XmlElement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XEP-0077 In-Band Registration: before authentication it creates accounts (when registration is
 * open, only over TLS unless plaintext is allowed, and a few at a time per client network); once
 * bound it changes the password or removes the account, ending the user's sessions.
 */
public final class RegistrationFeature implements Feature, StreamFeature {

    public static final String NAMESPACE = "jabber:iq:register";
    private static final String STREAM_FEATURE = "http://jabber.org/features/iq-register";
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private static final Duration REMOVAL_GRACE = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationFeature.class);

    private final Host host;
    private final SubscriptionFlow subscriptions;
    private final RegistrationLimit limit;
    private final TrustedNetworks trusted;
    private final WindowCounters counters;

    public RegistrationFeature(Host host, SubscriptionFlow subscriptions, RegistrationLimit limit,
                               TrustedNetworks trusted, WindowCounters counters) {
        this.host = host;
        this.subscriptions = subscriptions;
        this.limit = limit;
        this.trusted = trusted;
        this.counters = counters;
    }

    @Override
    public void install(FeatureRegistry registry) {
        registry.iq("get", NAMESPACE, EnumSet.of(Addressee.SERVER, Addressee.SELF), (from, iq, query) -> {
            XmlElement reply = XmlElement.of("query", NAMESPACE);
            reply.addChild("registered", NAMESPACE);
            reply.addTextChild("username", from.user().getLocalpart().toString());
            from.send(Stanzas.result(iq, reply));
        });
        registry.iq("set", NAMESPACE, EnumSet.of(Addressee.SERVER, Addressee.SELF), this::changeOrRemove);
        registry.discoFeature(NAMESPACE);
    }

    @Override
    public void advertise(ClientSession session, XmlElement features) {
        if (session.phase() == Phase.CONNECTED && host.registrationOpen() && host.mayAuthenticate(session)) {
            features.addChild("register", STREAM_FEATURE);
        }
    }

    @Override
    public boolean accepts(ClientSession session, XmlElement element) {
        return session.phase() == Phase.CONNECTED && element.is("iq", Stanzas.CLIENT)
                && Stanzas.payload(element) != null && Stanzas.payload(element).namespace().equals(NAMESPACE);
    }

    @Override
    public void handle(ClientSession session, XmlElement iq) {
        String type = String.valueOf(iq.attribute("type"));
        if (!host.registrationOpen() || !(type.equals("get") || type.equals("set"))) {
            session.send(Stanzas.error(iq, StanzaError.NOT_ALLOWED));
        } else if (!host.mayAuthenticate(session)) {
            session.send(Stanzas.error(iq, StanzaError.NOT_AUTHORIZED));
        } else if (type.equals("get")) {
            XmlElement form = XmlElement.of("query", NAMESPACE)
                    .addTextChild("instructions", "Choose a username and password.");
            form.addChild("username", NAMESPACE);
            form.addChild("password", NAMESPACE);
            session.send(Stanzas.result(iq, form));
        } else {
            register(session, iq, Stanzas.payload(iq));
        }
    }

    private void register(ClientSession session, XmlElement iq, XmlElement query) {
        Optional<String> username = username(query);
        Optional<String> password = password(query);
        if (username.isEmpty() || password.isEmpty()) {
            session.send(Stanzas.error(iq, StanzaError.NOT_ACCEPTABLE));
            return;
        }
        // A store that cannot be reached is the server's trouble, not the client's: internal-server-error, wait.
        session.onLoop(limit.allows(session.channel().remoteAddress(), trusted, counters), allowed -> {
            if (!allowed) {
                // As Prosody answers a network that registers too often (mod_register_limits).
                session.send(Stanzas.error(iq, StanzaError.POLICY_VIOLATION));
                return;
            }
            session.onLoop(host.hasher().accountAsync(username.get(), password.get())
                    .thenCompose(account -> host.accounts().create(account)), created ->
                    session.send(created ? Stanzas.result(iq) : Stanzas.error(iq, StanzaError.CONFLICT)),
                    failure -> session.send(Stanzas.error(iq, StanzaError.INTERNAL_SERVER_ERROR)));
        }, failure -> session.send(Stanzas.error(iq, StanzaError.INTERNAL_SERVER_ERROR)));
    }

    private void changeOrRemove(ClientSession from, XmlElement iq, XmlElement query) {
        if (query.child("remove", NAMESPACE).isPresent()) {
            remove(from, iq);
            return;
        }
        String user = from.user().getLocalpart().toString();
        Optional<String> password = password(query);
        if (!username(query).equals(Optional.of(user)) || password.isEmpty()) {
            from.send(Stanzas.error(iq, StanzaError.NOT_ACCEPTABLE));
            return;
        }
        from.onLoop(host.hasher().accountAsync(user, password.get())
                .thenCompose(account -> host.accounts().update(account)), done -> from.send(Stanzas.result(iq)));
    }

    /**
     * Deletes the account (XEP-0077 section 3.2) in an order that leaves no ghost contact behind. Contacts are
     * told first, while the user's resources are still online, so that each of them is heard to go; then the
     * password goes, so no new login slips in; then the sessions end; then the roster's remains and the stored
     * messages.
     */
    private void remove(ClientSession from, XmlElement iq) {
        EntityBareJid user = from.user();
        from.onLoop(subscriptions.removeEveryItem(user)
                .thenCompose(done -> host.accounts().remove(user.getLocalpart().toString())), removed -> {
                    from.send(Stanzas.result(iq));
                    endSessions(from);
                    from.onLoop(host.rosters().removeAll(user).thenCompose(done -> host.offline().takeAll(user)),
                            discarded -> LOG.debug("{} deleted", user));
                });
    }

    /**
     * Ends every session of a removed account. The one that asked gets a moment first: clients such as
     * Smack handle a stream error before a result that arrived just ahead of it.
     */
    private void endSessions(ClientSession requester) {
        for (Resource session : host.sessions().sessions(requester.user())) {
            if (session != requester) {
                session.fail(StreamError.NOT_AUTHORIZED);
            }
        }
        requester.channel().eventLoop().schedule(() -> requester.fail(StreamError.NOT_AUTHORIZED),
                REMOVAL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Optional<String> username(XmlElement query) {
        try {
            Optional<String> text = query.childText("username", NAMESPACE).map(String::strip);
            return text.isEmpty() || text.get().isEmpty() ? Optional.empty()
                    : Optional.of(Localpart.from(text.get()).toString());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> password(XmlElement query) {
        return query.childText("password", NAMESPACE)
                .filter(password -> !password.isEmpty() && password.length() <= MAX_PASSWORD_LENGTH);
    }
}
