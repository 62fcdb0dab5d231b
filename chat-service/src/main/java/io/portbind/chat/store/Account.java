package io.portbind.chat.store;

import io.portbind.chat.sasl.ScramAlgorithm;
import io.portbind.chat.sasl.ScramCredentials;
import java.util.Map;

/**
 * A user account: its normalized local part and its password as salted SCRAM keys, one per hash.
 *
 * @param username  the local part of the user's JID, already normalized
 */
public record Account(String username, Map<ScramAlgorithm, ScramCredentials> credentials) {

    public Account {
        credentials = Map.copyOf(credentials);
    }

    public ScramCredentials credentials(ScramAlgorithm algorithm) {
        return credentials.get(algorithm);
    }
}
