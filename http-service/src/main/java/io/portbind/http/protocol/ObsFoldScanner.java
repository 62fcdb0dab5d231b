package io.portbind.http.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Finds obs-fold (a header line that begins with SP or HTAB, RFC 9112 section 5.2) in each request's head as its
 * bytes arrive, before Netty's decoder sees them: the decoder joins each folded line to the field before it by
 * string concatenation, quadratic work, and does not count the line breaks against the header limit.
 *
 * <p>Each byte is looked at once: positions are kept as offsets in the connection's byte stream, the decoder's
 * reader index being {@link #consumed}. Bodies are not scanned: the head ends at its empty line, and the next
 * head starts where the decoder ends the message.
 */
final class ObsFoldScanner {

    /** Stream offset of the first byte the decoder has not consumed. */
    private long consumed;
    /** Stream offset of the first byte not looked at yet. */
    private long scanned;
    private boolean inHead = true;
    private boolean afterLineFeed;
    /** The line being read has a byte other than CR: empty lines before the request line do not end a head. */
    private boolean lineHasContent;
    private boolean pastRequestLine;

    /** Whether the bytes of {@code buffer} not looked at yet fold a header line of the current head. */
    boolean foldsIn(ByteBuf buffer) {
        if (!inHead) {
            return false;
        }
        for (int i = buffer.readerIndex() + (int) (scanned - consumed); i < buffer.writerIndex(); i++) {
            byte b = buffer.getByte(i);
            scanned++;
            if (afterLineFeed && pastRequestLine) {
                if (b == ' ' || b == '\t') {
                    return true;
                }
                if (b == '\r' || b == '\n') {
                    inHead = false;
                    return false;
                }
            }
            if (b == '\n') {
                afterLineFeed = true;
                pastRequestLine |= lineHasContent;
                lineHasContent = false;
            } else {
                afterLineFeed = false;
                lineHasContent |= b != '\r';
            }
        }
        return false;
    }

    /** The decoder consumed {@code bytes} more; when it ended a message there, the next head begins. */
    void consumed(int bytes, boolean messageEnded) {
        consumed += bytes;
        if (messageEnded) {
            scanned = consumed;
            inHead = true;
            afterLineFeed = false;
            lineHasContent = false;
            pastRequestLine = false;
        }
    }
}
