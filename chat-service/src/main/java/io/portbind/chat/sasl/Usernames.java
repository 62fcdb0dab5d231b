package io.portbind.chat.sasl;

import java.util.Optional;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/** Usernames as SASL carries them, turned into the normalized local part accounts are keyed by. */
final class Usernames {

    private Usernames() {
    }

    /** Whether an authorization identity (empty, a username or a bare JID) names {@code username} itself. */
    static boolean authorizesOnlySelf(String authzid, String username) {
        if (authzid.isEmpty()) {
            return true;
        }
        int at = authzid.indexOf('@');
        return normalize(at < 0 ? authzid : authzid.substring(0, at)).map(username::equals).orElse(false);
    }

    static Optional<String> normalize(String username) {
        try {
            return Optional.of(Localpart.from(username).toString());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
