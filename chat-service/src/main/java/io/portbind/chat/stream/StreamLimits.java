package io.portbind.chat.stream;

/**
 * Bounds on what one client may make the parser hold.
 *
 * @param maxStanzaBytes  bytes from the start of a top-level element to its end; also bounds the
 *                        bytes buffered between elements
 * @param maxDepth        nesting of elements inside a stanza, the stanza itself being depth 1
 * @param maxAttributes   attributes of one element (XMPP's have a handful)
 */
public record StreamLimits(int maxStanzaBytes, int maxDepth, int maxAttributes) {

    public static final int DEFAULT_STANZA_BYTES = 256 * 1024;
    public static final int DEFAULT_DEPTH = 48;
    public static final int DEFAULT_ATTRIBUTES = 64;
    /**
     * Stanza bytes before authentication: what SASL, STARTTLS and registration need, with room to spare. A stranger
     * may make the server hold no more than this per stream.
     */
    public static final int UNAUTHENTICATED_STANZA_BYTES = 16 * 1024;

    public StreamLimits(int maxStanzaBytes, int maxDepth) {
        this(maxStanzaBytes, maxDepth, DEFAULT_ATTRIBUTES);
    }

    /** The limits of a stream before authentication: the stanza size at most {@link #UNAUTHENTICATED_STANZA_BYTES}. */
    public StreamLimits unauthenticated() {
        return new StreamLimits(Math.min(maxStanzaBytes, UNAUTHENTICATED_STANZA_BYTES), maxDepth, maxAttributes);
    }
}
