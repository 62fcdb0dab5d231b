package io.portbind.chat.store.resp;

import org.jxmpp.jid.BareJid;

/**
 * Where chat-service state lives in the RESP store. Every key starts with the prefix ({@code CHAT_KEY_PREFIX},
 * {@code chat:} by default), so several domains or applications can share one store. A user's keys carry the
 * user's bare JID as a hash tag ({@code {juliet@example.org}}), so that in a Redis Cluster one user's account,
 * roster and offline messages sit in one slot and a transaction over them stays on one node. The README's
 * table of key patterns lists these methods.
 */
public final class KeyLayout {

    private final String prefix;
    private final String domain;

    public KeyLayout(String prefix, String domain) {
        this.prefix = prefix;
        this.domain = domain;
    }

    /** A string: the account's SCRAM keys, see {@link AccountCodec}. */
    public String account(String username) {
        return user(username + "@" + domain, "account");
    }

    /** A hash: contact bare JID to roster item, see {@link RosterItemCodec}. */
    public String roster(BareJid owner) {
        return user(owner.toString(), "roster");
    }

    /** A string counter: the roster's version, which only ever goes up. */
    public String rosterVersion(BareJid owner) {
        return user(owner.toString(), "roster-version");
    }

    /** A sorted set: stored messages as XML text, each after its stamp, scored by when it was stored. */
    public String offline(BareJid owner) {
        return user(owner.toString(), "offline");
    }

    /**
     * Events of one kind for one key, with an expiry: a string counter for {@code registrations}, a hash of count
     * and time of the latest for {@code login-failures:account} and {@code login-failures:network}.
     */
    public String counter(String kind, String key) {
        return prefix + kind + ":{" + key + "}";
    }

    private String user(String bareJid, String what) {
        return prefix + "{" + bareJid + "}:" + what;
    }
}
