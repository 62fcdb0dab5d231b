package io.portbind.common.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Where another Portbind service (or its real counterpart) listens, from a URL such as
 * {@code xmpp://localhost:5222} or {@code http://localhost:5000}.
 */
public record ServiceAddress(String scheme, String host, int port) {

    /** A parser for URLs of one scheme whose port defaults to the service's usual one. */
    public static ValueParser<ServiceAddress> parser(String scheme, int defaultPort) {
        String expected = "expected a URL like " + scheme + "://host[:port]";
        return text -> {
            URI uri = RedisUrl.Urls.parse(text, scheme, expected);
            if (uri.getRawUserInfo() != null || !(uri.getPath() == null || uri.getPath().isEmpty()
                    || uri.getPath().equals("/"))) {
                throw new InvalidValueException(expected);
            }
            return new ServiceAddress(scheme, uri.getHost(), uri.getPort() == -1 ? defaultPort : uri.getPort());
        };
    }

    /** A service of this machine listening on {@code bound}; a wildcard address is reached as {@code localhost}. */
    public static ServiceAddress local(String scheme, InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        String host = address.isAnyLocalAddress() ? "localhost" : literal(address);
        return new ServiceAddress(scheme, host, bound.getPort());
    }

    /** An IP address as a URL writes it: {@code 127.0.0.1}, or {@code [::1]} for IPv6. */
    public static String literal(InetAddress address) {
        String host = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
