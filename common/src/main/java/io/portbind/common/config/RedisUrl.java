package io.portbind.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Address of a RESP store: {@code redis://[[user]:password@]host[:port][/db]}. Any Redis-protocol
 * server fits, this project's kv-service or a real Redis, which is the point of naming it by URL.
 *
 * @param user      ACL user name, empty for the default user
 * @param password  password, empty when the store has none
 * @param database  logical database index selected after connecting
 */
public record RedisUrl(String host, int port, Optional<String> user, Optional<String> password, int database) {

    public static final int DEFAULT_PORT = 6379;
    static final String EXPECTED = "expected a URL like redis://[:password@]host[:port][/db]";

    public static RedisUrl parse(String text) throws InvalidValueException {
        URI uri = Urls.parse(text, "redis", EXPECTED);
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? "" : info.substring(0, colon);
            String rawPassword = colon < 0 ? info : info.substring(colon + 1);
            user = nonEmpty(decode(rawUser));
            password = nonEmpty(decode(rawPassword));
        }
        return new RedisUrl(uri.getHost(), port, user, password, database(uri.getPath()));
    }

    private static int database(String path) throws InvalidValueException {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String digits = path.substring(1);
        if (!digits.matches("[0-9]{1,9}")) {
            throw new InvalidValueException(EXPECTED);
        }
        return Integer.parseInt(digits);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static Optional<String> nonEmpty(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The URL without its password, for logs and status pages. */
    @Override
    public String toString() {
        String credentials = password.isPresent() ? user.orElse("") + ":***@" : "";
        return "redis://" + credentials + host + ":" + port + "/" + database;
    }

    /** Shared URL checks; kept here as the URL types are the only users. */
    static final class Urls {

        private Urls() {
        }

        static URI parse(String text, String scheme, String expected) throws InvalidValueException {
            URI uri;
            try {
                uri = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw new InvalidValueException(expected);
            }
            if (!scheme.equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new InvalidValueException(expected);
            }
            return uri;
        }
    }
}
