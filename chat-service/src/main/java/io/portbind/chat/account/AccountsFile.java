package io.portbind.chat.account;

import io.portbind.chat.store.Account;
import io.portbind.common.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The operator's accounts file ({@code CHAT_ACCOUNTS}): one {@code user:password} per line, the
 * password being everything after the first colon; blank lines and lines starting with {@code #}
 * are skipped. Any other line is a configuration error naming the file and line.
 */
public final class AccountsFile {

    private AccountsFile() {
    }

    /** Usernames (normalized local parts) to passwords, in file order. */
    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("chat-service: cannot read CHAT_ACCOUNTS " + file + ": " + e.getMessage());
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw invalid(file, i, "expected user:password");
            }
            String username;
            try {
                username = Localpart.from(line.substring(0, colon)).toString();
            } catch (XmppStringprepException e) {
                throw invalid(file, i, "the user name is not a valid XMPP local part");
            }
            accounts.put(username, line.substring(colon + 1));
        }
        return accounts;
    }

    /** The file's accounts with their SCRAM keys, hashed on all cores: thousands of accounts take seconds. */
    public static List<Account> load(Path file, PasswordHasher hasher) {
        return read(file).entrySet().parallelStream()
                .map(entry -> hasher.account(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static ConfigException invalid(Path file, int index, String expected) {
        return new ConfigException("chat-service: invalid CHAT_ACCOUNTS " + file + " line " + (index + 1) + ": "
                + expected);
    }
}
