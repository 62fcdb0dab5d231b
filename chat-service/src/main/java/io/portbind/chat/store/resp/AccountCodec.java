package io.portbind.chat.store.resp;

import io.portbind.chat.sasl.ScramAlgorithm;
import io.portbind.chat.sasl.ScramCredentials;
import io.portbind.chat.store.Account;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * An account's SCRAM keys as one string value, one line per hash: {@code SCRAM-SHA-256 4096 salt storedKey
 * serverKey}, the three byte strings in base64. One value, so creating an account is one {@code SET NX}.
 */
final class AccountCodec {

    private AccountCodec() {
    }

    static String encode(Account account) {
        StringBuilder out = new StringBuilder(256);
        for (ScramCredentials credentials : account.credentials().values()) {
            Base64.Encoder base64 = Base64.getEncoder();
            out.append(credentials.algorithm().mechanism()).append(' ').append(credentials.iterations()).append(' ')
                    .append(base64.encodeToString(credentials.salt())).append(' ')
                    .append(base64.encodeToString(credentials.storedKey())).append(' ')
                    .append(base64.encodeToString(credentials.serverKey())).append('\n');
        }
        return out.toString();
    }

    /** The account, or {@link IllegalArgumentException} for a value this service did not write. */
    static Account decode(String username, String value) {
        Map<ScramAlgorithm, ScramCredentials> credentials = new EnumMap<>(ScramAlgorithm.class);
        for (String line : value.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length != 5) {
                throw new IllegalArgumentException("not an account: " + line);
            }
            ScramAlgorithm algorithm = algorithm(fields[0]);
            Base64.Decoder base64 = Base64.getDecoder();
            credentials.put(algorithm, new ScramCredentials(algorithm, base64.decode(fields[2]),
                    Integer.parseInt(fields[1]), base64.decode(fields[3]), base64.decode(fields[4])));
        }
        return new Account(username, credentials);
    }

    private static ScramAlgorithm algorithm(String mechanism) {
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            if (algorithm.mechanism().equals(mechanism)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown mechanism " + mechanism);
    }
}
