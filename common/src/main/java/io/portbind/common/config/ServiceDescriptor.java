package io.portbind.common.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What a service is called, what it speaks and which settings it takes. Port, bind address and log
 * level are common to all; {@code extraSettings} adds backing-service URLs and the service's own.
 *
 * @param name      process name used in every message, such as {@code kv-service}
 * @param protocol  shown in the listening line, such as {@code RESP}
 */
public record ServiceDescriptor(String name, String protocol, Setting<Integer> port, List<Setting<?>> extraSettings) {

    public ServiceDescriptor {
        extraSettings = List.copyOf(extraSettings);
    }

    public static ServiceDescriptor of(String name, String protocol, String portVariable, int defaultPort,
                                       Setting<?>... extraSettings) {
        return new ServiceDescriptor(name, protocol, Settings.port(portVariable, defaultPort), List.of(extraSettings));
    }

    /** Every setting, in the order {@code --help} lists them. */
    public List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>();
        all.add(port);
        all.add(Settings.BIND);
        all.addAll(extraSettings);
        all.add(Settings.LOG_LEVEL);
        return all;
    }
}
