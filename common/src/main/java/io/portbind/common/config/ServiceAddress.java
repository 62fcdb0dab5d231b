package io.portbind.common.config;

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

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
