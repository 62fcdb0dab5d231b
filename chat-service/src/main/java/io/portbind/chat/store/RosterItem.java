package io.portbind.chat.store;

import java.util.Set;
import org.jxmpp.jid.BareJid;

/**
 * One contact in a user's roster, with the subscription state of RFC 6121 Appendix A.
 *
 * @param listed       shown to the owner; {@code false} for an item that exists only to remember an
 *                     inbound request the owner has not acted on
 * @param askOut       the owner asked to see the contact's presence and awaits an answer
 * @param pendingIn    the contact asked to see the owner's presence and awaits an answer
 * @param preApproved  the owner approved a subscription request from the contact in advance
 */
public record RosterItem(BareJid jid, String name, Set<String> groups, Subscription subscription, boolean listed,
                         boolean askOut, boolean pendingIn, boolean preApproved) {

    public RosterItem {
        groups = Set.copyOf(groups);
    }

    /** A contact the owner has not yet added or heard from. */
    public static RosterItem unknown(BareJid jid) {
        return new RosterItem(jid, null, Set.of(), Subscription.NONE, false, false, false, false);
    }

    public RosterItem withNameAndGroups(String newName, Set<String> newGroups) {
        return new RosterItem(jid, newName, newGroups, subscription, true, askOut, pendingIn, preApproved);
    }

    public RosterItem withSubscription(Subscription newSubscription) {
        return new RosterItem(jid, name, groups, newSubscription, listed, askOut, pendingIn, preApproved);
    }

    public RosterItem listed(boolean newListed) {
        return new RosterItem(jid, name, groups, subscription, newListed, askOut, pendingIn, preApproved);
    }

    public RosterItem askOut(boolean newAskOut) {
        return new RosterItem(jid, name, groups, subscription, listed, newAskOut, pendingIn, preApproved);
    }

    public RosterItem pendingIn(boolean newPendingIn) {
        return new RosterItem(jid, name, groups, subscription, listed, askOut, newPendingIn, preApproved);
    }

    public RosterItem preApproved(boolean newPreApproved) {
        return new RosterItem(jid, name, groups, subscription, listed, askOut, pendingIn, newPreApproved);
    }

    /** Whether the item carries nothing worth keeping. */
    public boolean isEmpty() {
        return !listed && subscription == Subscription.NONE && !askOut && !pendingIn && !preApproved;
    }
}
