package io.portbind.http;

import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.config.Settings;
import io.portbind.common.server.ServiceLauncher;

/** {@code java -jar http-service.jar}: the HTTP front door on its own port. */
public final class Main {

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("http-service", "HTTP/1.1", "HTTP_PORT", 5000,
            Settings.KV_URL, Settings.CHAT_URL, Settings.HTTP_URL);

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, HttpServer::new);
    }
}
