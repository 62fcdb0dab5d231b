package io.portbind.chat.routing;

import io.portbind.chat.session.ClientSession;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;

/** Who a stanza from a client is addressed to, the key routing decisions are made on. */
public enum Addressee {
    /** This server itself: the bare domain. */
    SERVER,
    /** The sender's own account: no {@code to}, or the sender's bare JID. */
    SELF,
    /** Another local account, by bare JID. */
    ACCOUNT,
    /** A resource of a local account. */
    FULL,
    /** An address at another domain; this server does not federate. */
    REMOTE;

    public static Addressee of(Jid to, ClientSession from, DomainBareJid domain) {
        if (to == null) {
            return SELF;
        }
        if (!to.getDomain().equals(domain)) {
            return REMOTE;
        }
        if (!to.hasLocalpart()) {
            return SERVER;
        }
        if (to.hasResource()) {
            return FULL;
        }
        return to.equals(from.user()) ? SELF : ACCOUNT;
    }
}
