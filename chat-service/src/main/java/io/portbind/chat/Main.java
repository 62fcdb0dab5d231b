package io.portbind.chat;

import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.config.Settings;
import io.portbind.common.server.ServiceLauncher;

/** {@code java -jar chat-service.jar}: an XMPP server on its own port. */
public final class Main {

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("chat-service", "XMPP", "CHAT_PORT", 5222,
            ChatSettings.DOMAIN, ChatSettings.TLS_CERT, ChatSettings.TLS_KEY, ChatSettings.ALLOW_PLAINTEXT,
            ChatSettings.REGISTRATION, ChatSettings.REGISTRATION_LIMIT, ChatSettings.TRUSTED_NETWORKS,
            ChatSettings.ACCOUNTS, ChatSettings.MAX_STANZA_BYTES, ChatSettings.IDLE_TIMEOUT,
            ChatSettings.NEGOTIATION_TIMEOUT, ChatSettings.MAX_UNSENT_BYTES, ChatSettings.MAX_CONNECTIONS_PER_NETWORK,
            Settings.OPTIONAL_KV_URL, ChatSettings.KEY_PREFIX);

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, ChatServer::new);
    }
}
