package io.portbind.chat;

import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.server.ServiceLauncher;

/** {@code java -jar chat-service.jar}: an XMPP server on its own port. */
public final class Main {

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("chat-service", "XMPP", "CHAT_PORT", 5222);

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, ChatServer::new);
    }
}
