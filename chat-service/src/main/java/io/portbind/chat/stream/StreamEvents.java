package io.portbind.chat.stream;

import io.portbind.chat.xml.XmlElement;

/** What the stream parser reports, in document order. */
public interface StreamEvents {

    void streamOpened(StreamHeader header) throws StreamException;

    /** A complete first-level child of the stream: a stanza or a negotiation element. */
    void element(XmlElement element) throws StreamException;

    void streamClosed();
}
