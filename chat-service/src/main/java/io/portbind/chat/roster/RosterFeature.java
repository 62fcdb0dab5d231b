package io.portbind.chat.roster;

import io.portbind.chat.Host;
import io.portbind.chat.feature.Feature;
import io.portbind.chat.feature.FeatureRegistry;
import io.portbind.chat.negotiation.StreamFeature;
import io.portbind.chat.routing.Addressee;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Phase;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.store.RosterItem;
import io.portbind.chat.xml.XmlElement;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Roster management (RFC 6121 section 2): get with versioning, set and remove, each change pushed.
 * Versioning and subscription pre-approval (section 3.4, carried out by the {@link SubscriptionFlow})
 * are announced as stream features once the client has authenticated.
 */
public final class RosterFeature implements Feature, StreamFeature {

    private static final String VERSIONING_FEATURE = "urn:xmpp:features:rosterver";
    private static final String PRE_APPROVAL_FEATURE = "urn:xmpp:features:pre-approval";
    private static final int MAX_GROUPS = 64;

    private final Host host;
    private final RosterPushes pushes;
    private final SubscriptionFlow subscriptions;

    public RosterFeature(Host host, RosterPushes pushes, SubscriptionFlow subscriptions) {
        this.host = host;
        this.pushes = pushes;
        this.subscriptions = subscriptions;
    }

    @Override
    public void install(FeatureRegistry registry) {
        registry.iq("get", RosterXml.NAMESPACE, EnumSet.of(Addressee.SELF), this::get);
        registry.iq("set", RosterXml.NAMESPACE, EnumSet.of(Addressee.SELF), this::set);
    }

    @Override
    public void advertise(ClientSession session, XmlElement features) {
        if (session.phase() == Phase.AUTHENTICATED) {
            features.addChild("ver", VERSIONING_FEATURE);
            features.addChild("sub", PRE_APPROVAL_FEATURE);
        }
    }

    private void get(ClientSession from, XmlElement iq, XmlElement query) {
        from.rosterRequested();
        host.sessions().changed(from);
        from.onLoop(host.rosters().roster(from.user()), roster -> {
            if (Long.toString(roster.version()).equals(query.attribute("ver"))) {
                // The client's cached copy is current; changes will arrive as pushes (RFC 6121 section 2.6.3).
                from.send(Stanzas.result(iq));
                return;
            }
            XmlElement reply = RosterXml.query(roster.version());
            for (RosterItem item : roster.items()) {
                if (item.listed()) {
                    reply.add(RosterXml.item(item));
                }
            }
            from.send(Stanzas.result(iq, reply));
        }, iq);
    }

    private void set(ClientSession from, XmlElement iq, XmlElement query) {
        List<XmlElement> items = query.elements();
        BareJid contact = items.size() == 1 ? contact(items.get(0)) : null;
        if (contact == null) {
            from.send(Stanzas.error(iq, StanzaError.BAD_REQUEST));
            return;
        }
        XmlElement item = items.get(0);
        if ("remove".equals(item.attribute("subscription"))) {
            remove(from, iq, contact);
            return;
        }
        Set<String> groups = new LinkedHashSet<>();
        for (XmlElement group : item.elements()) {
            if (group.is("group", RosterXml.NAMESPACE)) {
                groups.add(group.text());
            }
        }
        if (groups.contains("") || groups.size() > MAX_GROUPS) {
            from.send(Stanzas.error(iq, StanzaError.NOT_ACCEPTABLE));
            return;
        }
        String name = item.attribute("name");
        from.onLoop(host.rosters().update(from.user(), contact, existing -> existing.withNameAndGroups(name, groups)),
                change -> {
                    pushes.push(from.user(), change);
                    from.send(Stanzas.result(iq));
                }, iq);
    }

    private void remove(ClientSession from, XmlElement iq, BareJid contact) {
        from.onLoop(host.rosters().update(from.user(), contact, existing -> RosterItem.unknown(contact)), change -> {
            if (!change.before().listed()) {
                from.send(Stanzas.error(iq, StanzaError.ITEM_NOT_FOUND));
                return;
            }
            pushes.push(from.user(), change);
            subscriptions.removed(change.before(), from.user());
            from.send(Stanzas.result(iq));
        }, iq);
    }

    /** The item's {@code jid} as a bare JID, or {@code null} when it is missing, malformed or has a resource. */
    private static BareJid contact(XmlElement item) {
        String text = item.attribute("jid");
        if (text == null || !item.is("item", RosterXml.NAMESPACE)) {
            return null;
        }
        try {
            Jid jid = JidCreate.from(text);
            return jid.hasResource() ? null : jid.asBareJid();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return null;
        }
    }
}
