package io.portbind.common.server;

import java.net.InetSocketAddress;
import java.util.Locale;

/** The listening socket could not be bound; the message is the user-facing reason, in lower case. */
public final class BindFailedException extends Exception {

    private final InetSocketAddress address;

    BindFailedException(InetSocketAddress address, Throwable cause) {
        super(reason(cause), cause);
        this.address = address;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** "bind(..) failed: Address already in use" (epoll) and "Address already in use" (NIO) read alike. */
    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int colon = message.lastIndexOf(": ");
        return (colon < 0 ? message : message.substring(colon + 2)).toLowerCase(Locale.ROOT);
    }
}
