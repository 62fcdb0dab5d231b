package io.portbind.chat;

import io.portbind.chat.account.PasswordHasher;
import io.portbind.chat.session.SessionRegistry;
import io.portbind.chat.store.AccountStore;
import io.portbind.chat.store.OfflineStore;
import io.portbind.chat.store.RosterStore;
import io.portbind.chat.stream.StreamLimits;
import io.portbind.chat.tls.ServerTls;
import org.jxmpp.jid.DomainBareJid;

/**
 * The XMPP domain this server hosts and everything its features share: policy, stores, the live
 * sessions and the TLS context. Built once by {@link ChatServer}.
 *
 * @param allowPlaintext    authentication and registration are allowed without TLS
 * @param registrationOpen  XEP-0077 in-band registration creates accounts
 */
public record Host(DomainBareJid domain, boolean allowPlaintext, boolean registrationOpen, StreamLimits limits,
                   ServerTls tls, AccountStore accounts, RosterStore rosters, OfflineStore offline,
                   SessionRegistry sessions, PasswordHasher hasher) {

    /** Whether a session may authenticate or register: over TLS, or anywhere in development mode. */
    public boolean mayAuthenticate(io.portbind.chat.session.ClientSession session) {
        return allowPlaintext || session.isSecure();
    }
}
