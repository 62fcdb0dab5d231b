package io.portbind.chat.stream;

import java.util.Locale;

/** RFC 6120 section 4.9.3 stream error conditions this server sends. */
public enum StreamError {
    BAD_FORMAT,
    CONFLICT,
    CONNECTION_TIMEOUT,
    HOST_UNKNOWN,
    INTERNAL_SERVER_ERROR,
    INVALID_NAMESPACE,
    NOT_AUTHORIZED,
    NOT_WELL_FORMED,
    POLICY_VIOLATION,
    RESTRICTED_XML,
    SYSTEM_SHUTDOWN,
    UNSUPPORTED_STANZA_TYPE,
    UNSUPPORTED_VERSION;

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-streams";

    /** The element name, such as {@code not-well-formed}. */
    public String condition() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
