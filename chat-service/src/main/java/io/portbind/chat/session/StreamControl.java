package io.portbind.chat.session;

import io.portbind.chat.stream.StreamError;

/** What negotiation features may ask of the stream a session runs on. */
public interface StreamControl {

    /** Expects a new stream header and parses it with a new parser (RFC 6120 section 4.3.3). */
    void restart();

    /** Answers STARTTLS with {@code <proceed/>}, then encrypts everything after it. */
    void startTls();

    /** Sends the stream error and closes the stream; safe from any thread. */
    void fail(StreamError condition);
}
