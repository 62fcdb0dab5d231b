package io.portbind.chat.stanza;

import java.util.Locale;

/** RFC 6120 section 8.3.3 stanza error conditions this server sends, each with its usual error type. */
public enum StanzaError {
    BAD_REQUEST("modify"),
    CONFLICT("cancel"),
    FEATURE_NOT_IMPLEMENTED("cancel"),
    FORBIDDEN("auth"),
    /** Sent with type wait: the server cannot reach its store for now, and the request may be tried again. */
    INTERNAL_SERVER_ERROR("wait"),
    ITEM_NOT_FOUND("cancel"),
    JID_MALFORMED("modify"),
    NOT_ACCEPTABLE("modify"),
    NOT_ALLOWED("cancel"),
    NOT_AUTHORIZED("auth"),
    POLICY_VIOLATION("wait"),
    REMOTE_SERVER_NOT_FOUND("cancel"),
    RESOURCE_CONSTRAINT("wait"),
    SERVICE_UNAVAILABLE("cancel");

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final String type;

    StanzaError(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public String condition() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
