package io.portbind.chat;

import io.portbind.chat.stream.StreamLimits;
import io.portbind.chat.throttle.RegistrationLimit;
import io.portbind.chat.throttle.TrustedNetworks;
import io.portbind.common.config.InvalidValueException;
import io.portbind.common.config.Parsers;
import io.portbind.common.config.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** The chat-service's own settings, listed by {@code --help} next to the shared ones. */
public final class ChatSettings {

    public static final Setting<DomainBareJid> DOMAIN = Setting.of("--domain", List.of("XMPP_DOMAIN"), "localhost",
            "XMPP domain this server hosts; user addresses are user@domain.", ChatSettings::domain);

    public static final Setting<Path> TLS_CERT = Setting.of("--tls-cert", List.of("CHAT_TLS_CERT"), null,
            "PEM certificate chain for STARTTLS; without it a self-signed certificate is made at start.",
            Parsers::readableFile);

    public static final Setting<Path> TLS_KEY = Setting.of("--tls-key", List.of("CHAT_TLS_KEY"), null,
            "PEM private key (PKCS#8 or PKCS#1) for the certificate given by --tls-cert.", Parsers::readableFile);

    public static final Setting<Boolean> ALLOW_PLAINTEXT = Setting.of("--allow-plaintext",
            List.of("CHAT_ALLOW_PLAINTEXT"), "false",
            "Allow authentication and registration without TLS (local development only).", Parsers::bool);

    public static final Setting<Boolean> REGISTRATION = Setting.of("--registration", List.of("CHAT_REGISTRATION"),
            "open", "In-band registration (XEP-0077): open or closed; how often one client network may register is "
            + "set by --registration-limit.", ChatSettings::registration);

    public static final Setting<RegistrationLimit> REGISTRATION_LIMIT = Setting.of("--registration-limit",
            List.of("CHAT_REGISTRATION_LIMIT"), RegistrationLimit.DEFAULT,
            "In-band registrations allowed per client network (an IPv4 address or an IPv6 /64) in a window that "
            + "opens with the first: attempts/seconds, such as 3/60s. Counted in the store, across nodes.",
            RegistrationLimit::parse);

    public static final Setting<TrustedNetworks> TRUSTED_NETWORKS = Setting.of("--trusted-networks",
            List.of("CHAT_TRUSTED_NETWORKS"), TrustedNetworks.DEFAULT,
            "CIDR blocks, separated by commas, of the people who run the server, exempt from the registration "
            + "limit; none trusts nobody.", TrustedNetworks::parse);

    public static final Setting<String> KEY_PREFIX = Setting.of("--key-prefix", List.of("CHAT_KEY_PREFIX"), "chat:",
            "Prefix of every key this service writes in the store named by --kv-url, so that several domains or "
            + "applications can share one store.", Parsers::nonEmpty);

    public static final Setting<Path> ACCOUNTS = Setting.of("--accounts", List.of("CHAT_ACCOUNTS"), null,
            "File of accounts created at start, one user:password per line, # starts a comment.",
            Parsers::readableFile);

    public static final Setting<Integer> MAX_STANZA_BYTES = Setting.of("--max-stanza-bytes",
            List.of("CHAT_MAX_STANZA_BYTES"), Integer.toString(StreamLimits.DEFAULT_STANZA_BYTES),
            "Largest stanza accepted, in bytes.",
            Parsers.positiveInt(16 * 1024 * 1024));

    public static final Setting<Integer> IDLE_TIMEOUT = Setting.of("--idle-timeout", List.of("CHAT_IDLE_TIMEOUT"),
            "300", "Seconds without any data from a client before the server acts: a logged-in client is pinged "
            + "(XEP-0199) and its stream closed if it stays silent for as long again; a stream that has not bound "
            + "a resource is closed at once.",
            Parsers.positiveInt(86_400));

    public static final Setting<Integer> NEGOTIATION_TIMEOUT = Setting.of("--negotiation-timeout",
            List.of("CHAT_NEGOTIATION_TIMEOUT"), "30", "Seconds a client has from connecting to authenticating; "
            + "a stream still unauthenticated then is closed (connection-timeout).", Parsers.positiveInt(86_400));

    public static final Setting<Integer> MAX_UNSENT_BYTES = Setting.of("--max-unsent-bytes",
            List.of("CHAT_MAX_UNSENT_BYTES"), Integer.toString(1024 * 1024), "Bytes that may wait to be sent to one "
            + "client that does not read them; past that it is disconnected and what was sent to it dropped.",
            Parsers.positiveInt(1024 * 1024 * 1024));

    public static final Setting<Integer> MAX_CONNECTIONS_PER_NETWORK = Setting.of("--max-connections-per-network",
            List.of("CHAT_MAX_CONNECTIONS_PER_NETWORK"), "64", "Connections one client network (an IPv4 address, "
            + "an IPv6 /64) may hold open at once; loopback is exempt.", Parsers.positiveInt(1_000_000));

    private ChatSettings() {
    }

    private static DomainBareJid domain(String text) throws InvalidValueException {
        try {
            return JidCreate.domainBareFrom(Parsers.nonEmpty(text));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new InvalidValueException("expected a domain name such as localhost or chat.example.org");
        }
    }

    private static boolean registration(String text) throws InvalidValueException {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw new InvalidValueException("expected open or closed");
        };
    }
}
