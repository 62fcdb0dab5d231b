package io.portbind.kv;

import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.server.ServiceLauncher;

/** {@code java -jar kv-service.jar}: a Redis-protocol key-value store on its own port. */
public final class Main {

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("kv-service", "RESP", "KV_PORT", 6379);

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, KvServer::new);
    }
}
