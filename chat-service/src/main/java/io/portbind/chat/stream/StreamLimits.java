package io.portbind.chat.stream;

/**
 * Bounds on what one client may make the parser hold.
 *
 * @param maxStanzaBytes  bytes from the start of a top-level element to its end; also bounds the
 *                        bytes buffered between elements
 * @param maxDepth        nesting of elements inside a stanza, the stanza itself being depth 1
 */
public record StreamLimits(int maxStanzaBytes, int maxDepth) {

    public static final int DEFAULT_STANZA_BYTES = 256 * 1024;
    public static final int DEFAULT_DEPTH = 48;
}
