package io.portbind.chat.session;

/** How far a client's stream has come in negotiation (RFC 6120 sections 5 to 7). */
public enum Phase {
    /** Connected; may start TLS, authenticate or register. */
    CONNECTED,
    /** Authenticated after a stream restart; must bind a resource before sending stanzas. */
    AUTHENTICATED,
    /** Bound to a full JID; stanzas are routed. */
    BOUND
}
