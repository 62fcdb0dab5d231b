package io.portbind.chat.stream;

import java.nio.ByteBuffer;

/**
 * Cuts the bytes given to the XML parser at UTF-8 character boundaries: a multi-byte character that
 * a read splits is held back and handed over whole once its last byte arrives.
 *
 * <p>Why: Aalto 1.3.4's non-blocking reader decodes a four-byte character wrongly when a feed ends
 * inside it within an attribute value ({@code AsyncByteBufferScanner.handleAttrValuePending}: the
 * split path gets the code point already minus 0x10000 from {@code decodeUtf8_4} and tests it for
 * a surrogate pair as if it were not, so U+1F600 becomes U+F600, and a character at the start of a
 * value is lost). Text content is decoded right. Until an Aalto release fixes it, whole characters
 * are all Aalto sees; {@code AaltoSplitCharacterTest} says when the workaround can go.
 *
 * <p>Invalid UTF-8 is passed on as it is, for Aalto to refuse.
 */
final class WholeCharacters {

    private static final int MAX_SEQUENCE = 4;

    private final byte[] held = new byte[MAX_SEQUENCE];
    private int heldLength;
    /** Length of the sequence whose first bytes are held. */
    private int sequenceLength;

    /**
     * Completes the held character with the first bytes of {@code chunk}, consuming them. Returns the
     * character once complete (or once a byte shows it never will be), else {@code null}.
     */
    ByteBuffer completeHeld(ByteBuffer chunk) {
        if (heldLength == 0) {
            return null;
        }
        while (heldLength < sequenceLength && chunk.hasRemaining() && isContinuation(chunk.get(chunk.position()))) {
            held[heldLength++] = chunk.get();
        }
        if (heldLength < sequenceLength && !chunk.hasRemaining()) {
            return null;
        }
        ByteBuffer whole = ByteBuffer.wrap(held.clone(), 0, heldLength);
        heldLength = 0;
        return whole;
    }

    /** What {@code chunk} holds up to its last complete character; holds back a character cut at its end. */
    ByteBuffer upToLastWhole(ByteBuffer chunk) {
        int start = chunk.position();
        int lead = chunk.limit() - 1;
        while (lead >= start && lead > chunk.limit() - MAX_SEQUENCE && isContinuation(chunk.get(lead))) {
            lead--;
        }
        if (lead < start) {
            return chunk;
        }
        int length = sequenceLength(chunk.get(lead));
        int present = chunk.limit() - lead;
        if (length <= present) {
            return chunk;
        }
        chunk.get(lead, held, 0, present);
        heldLength = present;
        sequenceLength = length;
        return chunk.slice(start, lead - start);
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** Bytes in the sequence {@code lead} starts; 1 for ASCII and for bytes that start none. */
    private static int sequenceLength(byte lead) {
        if ((lead & 0xE0) == 0xC0) {
            return 2;
        }
        if ((lead & 0xF0) == 0xE0) {
            return 3;
        }
        if ((lead & 0xF8) == 0xF0) {
            return 4;
        }
        return 1;
    }
}
