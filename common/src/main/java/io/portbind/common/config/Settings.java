package io.portbind.common.config;

import java.net.InetAddress;
import java.util.List;

/** The settings the services share. Backing-service URLs are here so every service reads them alike. */
public final class Settings {

    public static final Setting<InetAddress> BIND = Setting.of("--bind", List.of("BIND_ADDRESS"), "0.0.0.0",
            "Address to listen on.", Parsers::bindAddress);

    public static final Setting<LogLevel> LOG_LEVEL = Setting.of("--log-level", List.of("LOG_LEVEL"), "info",
            "Least severe log level written: error, warn, info, debug or trace.", LogLevel::parse);

    public static final Setting<RedisUrl> KV_URL = Setting.of("--kv-url", List.of("KV_URL", "REDIS_URL"),
            "redis://localhost:6379", "RESP store for state: this project's kv-service or any Redis server.",
            RedisUrl::parse);

    /** {@link #KV_URL} for a service that can also run without a store, keeping its state in memory then. */
    public static final Setting<RedisUrl> OPTIONAL_KV_URL = Setting.of("--kv-url", List.of("KV_URL", "REDIS_URL"),
            null, "RESP store for state: this project's kv-service or any Redis server; without it, state is kept "
            + "in memory and lost when the process stops.", RedisUrl::parse);

    public static final Setting<ServiceAddress> CHAT_URL = Setting.of("--chat-url", List.of("CHAT_URL"),
            "xmpp://localhost:5222", "XMPP server to report on.", ServiceAddress.parser("xmpp", 5222));

    /** Optional: unset, the http-service reports the address it is bound to, whatever port that turned out to be. */
    public static final Setting<ServiceAddress> HTTP_URL = Setting.of("--http-url", List.of("HTTP_URL"), null,
            "HTTP service to report on; unset, this service's own address.", ServiceAddress.parser("http", 5000));

    private Settings() {
    }

    /** The port setting of one service: its own variable beats the generic {@code PORT}. */
    public static Setting<Integer> port(String serviceVariable, int defaultPort) {
        return Setting.of("--port", List.of(serviceVariable, "PORT"), Integer.toString(defaultPort),
                "TCP port to listen on; 0 picks any free port.", Parsers::port);
    }
}
