package io.portbind.kv.server;

import io.portbind.common.config.Parsers;
import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.config.Setting;
import io.portbind.common.server.ServiceLauncher;
import java.util.List;

/** {@code java -jar kv-service.jar}: a Redis-protocol key-value store on its own port. */
public final class Main {

    /** Redis's {@code requirepass}: when set, clients must AUTH with it before other commands. */
    public static final Setting<String> REQUIREPASS = Setting.of("--requirepass", List.of("KV_PASSWORD"), null,
            "Password clients must give to AUTH (as Redis's requirepass); none by default.", Parsers::nonEmpty);

    public static final ServiceDescriptor SERVICE =
            ServiceDescriptor.of("kv-service", "RESP", "KV_PORT", 6379, REQUIREPASS);

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, KvServer::new);
    }
}
