package io.portbind.kv.config;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;

/**
 * Redis's {@code enable-protected-configs}: whether CONFIG SET may change the parameters that decide where files
 * go ({@code dir}, {@code dbfilename}), which an attacker could otherwise point at any file of the host.
 * Redis's default is {@code no}; {@code local} allows it from loopback clients only.
 */
public enum ProtectedConfigs {
    NO,
    YES,
    LOCAL;

    /** Whether a client connected from {@code remote} may set a protected parameter. */
    public boolean allows(SocketAddress remote) {
        return this == YES || this == LOCAL && remote instanceof InetSocketAddress address
                && address.getAddress() != null && address.getAddress().isLoopbackAddress();
    }

    /** The value as Redis writes it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
