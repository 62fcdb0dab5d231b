package io.portbind.common.config;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/** The resolved settings of one service process. Built only by {@link ConfigResolver}. */
public final class Config {

    private final ServiceDescriptor service;
    private final Map<Setting<?>, Object> values;

    Config(ServiceDescriptor service, Map<Setting<?>, Object> values) {
        this.service = service;
        this.values = Map.copyOf(values);
    }

    public ServiceDescriptor service() {
        return service;
    }

    public int port() {
        return get(service.port());
    }

    public InetAddress bindAddress() {
        return get(Settings.BIND);
    }

    public LogLevel logLevel() {
        return get(Settings.LOG_LEVEL);
    }

    /** The value of a setting that has a default, or that the user gave. */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalStateException(setting.flag() + " was not set"));
    }

    /** The value of an optional setting, empty when the user gave none. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Setting<T> setting) {
        if (!service.settings().contains(setting)) {
            throw new IllegalArgumentException(service.name() + " does not declare " + setting.flag());
        }
        return Optional.ofNullable((T) values.get(setting));
    }
}
