package io.portbind.common.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Parsers for the kinds of value settings take. */
public final class Parsers {

    private static final int MAX_PORT = 65_535;

    private Parsers() {
    }

    /** A TCP port; 0 asks the system for any free port. */
    public static int port(String text) throws InvalidValueException {
        String expected = "expected a port number from 0 to " + MAX_PORT;
        if (!text.matches("[0-9]{1,5}")) {
            throw new InvalidValueException(expected);
        }
        int port = Integer.parseInt(text);
        if (port > MAX_PORT) {
            throw new InvalidValueException(expected);
        }
        return port;
    }

    /** An address of this machine to listen on: an IP literal or a host name that resolves. */
    public static InetAddress bindAddress(String text) throws InvalidValueException {
        String expected = "expected an IP address or host name of this machine, such as 0.0.0.0 or 127.0.0.1";
        if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValueException(expected);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new InvalidValueException(expected);
        }
    }

    /** {@code true}/{@code false} and their usual spellings. */
    public static boolean bool(String text) throws InvalidValueException {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw new InvalidValueException("expected true or false");
        }
    }

    /** Redis's spelling of a boolean parameter: {@code yes} or {@code no} in any case, nothing else. */
    public static boolean yesOrNo(String text) throws InvalidValueException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes":
                return true;
            case "no":
                return false;
            default:
                throw new InvalidValueException("expected yes or no");
        }
    }

    /** A positive whole number no larger than {@code max}. */
    public static ValueParser<Integer> positiveInt(int max) {
        return text -> {
            String expected = "expected a whole number from 1 to " + max;
            if (!text.matches("[0-9]{1,10}")) {
                throw new InvalidValueException(expected);
            }
            long value = Long.parseLong(text);
            if (value < 1 || value > max) {
                throw new InvalidValueException(expected);
            }
            return (int) value;
        };
    }

    /** A path to a file that exists and can be read. */
    public static Path readableFile(String text) throws InvalidValueException {
        String expected = "expected the path of a readable file";
        if (text.isBlank()) {
            throw new InvalidValueException(expected);
        }
        Path path = Path.of(text);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidValueException(expected);
        }
        return path;
    }

    /** Any text that is not empty. */
    public static String nonEmpty(String text) throws InvalidValueException {
        if (text.isBlank()) {
            throw new InvalidValueException("expected a non-empty value");
        }
        return text.trim();
    }
}
