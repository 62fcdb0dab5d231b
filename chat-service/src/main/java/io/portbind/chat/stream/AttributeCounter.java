package io.portbind.chat.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Counts the attributes of each start tag in the raw bytes, before Aalto sees them: Aalto's work on one tag grows
 * with the square of its attribute count (40,000 attributes in 240 KB took 2.8 s and 700 MB), so a tag with more
 * than the limit ends the stream first. An attribute is counted by its opening quote; quotes in text, in CDATA
 * sections and inside attribute values are not.
 */
final class AttributeCounter {

    private static final byte[] CDATA_OPEN = "![CDATA[".getBytes(StandardCharsets.US_ASCII);

    private enum State { TEXT, TAG, VALUE, CDATA }

    private final int maxAttributes;
    private State state = State.TEXT;
    private byte quote;
    private int attributes;
    /** In a tag: how many of its first bytes matched {@code ![CDATA[}; in CDATA: how many of {@code ]]} precede. */
    private int matched;

    AttributeCounter(int maxAttributes) {
        this.maxAttributes = maxAttributes;
    }

    /** Looks at the bytes {@code chunk} holds, without consuming them. */
    void scan(ByteBuffer chunk) throws StreamException {
        for (int i = chunk.position(); i < chunk.limit(); i++) {
            byte b = chunk.get(i);
            switch (state) {
                case TEXT -> {
                    if (b == '<') {
                        state = State.TAG;
                        attributes = 0;
                        matched = 0;
                    }
                }
                case TAG -> tag(b);
                case VALUE -> {
                    if (b == quote) {
                        state = State.TAG;
                    }
                }
                case CDATA -> {
                    if (b == '>' && matched >= 2) {
                        state = State.TEXT;
                    }
                    matched = b == ']' ? matched + 1 : 0;
                }
            }
        }
    }

    private void tag(byte b) throws StreamException {
        if (matched >= 0 && matched < CDATA_OPEN.length) {
            if (b == CDATA_OPEN[matched]) {
                matched++;
                if (matched == CDATA_OPEN.length) {
                    state = State.CDATA;
                    matched = 0;
                }
                return;
            }
            matched = -1;
        }
        if (b == '>') {
            state = State.TEXT;
        } else if (b == '\'' || b == '"') {
            quote = b;
            state = State.VALUE;
            if (++attributes > maxAttributes) {
                throw new StreamException(StreamError.POLICY_VIOLATION, "more than " + maxAttributes
                        + " attributes in one element");
            }
        }
    }
}
