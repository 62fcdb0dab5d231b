package io.portbind.bench.xmpp;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamException;

/**
 * Turns the bytes of one XML stream into stanzas without waiting for the document to end: a
 * non-blocking Aalto parser is fed whatever arrived, and every complete child of the stream root
 * is handed to the listener. One parser serves one stream; a stream restart needs a new parser.
 */
final class StanzaParser {

    /** What a parser reports. */
    interface Listener {
        void streamOpened();

        void stanza(XmlElement element);

        void streamClosed();
    }

    private static final InputFactoryImpl FACTORY = new InputFactoryImpl();
    /** Stanzas the generator reads are small; anything bigger means the server is misbehaving. */
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ELEMENTS = 1024;

    private final AsyncXMLStreamReader<AsyncByteBufferFeeder> reader = FACTORY.createAsyncForByteBuffer();
    private final Deque<XmlElement> open = new ArrayDeque<>();
    private final Listener listener;
    private boolean abandoned;
    private int depth;
    private int textLength;
    private int elements;

    StanzaParser(Listener listener) {
        this.listener = listener;
    }

    /**
     * Parses everything in {@code bytes}; stops early once {@link #abandon()} was called from a listener
     * callback, since the rest belongs to the next stream (or to TLS).
     */
    void feed(ByteBuffer bytes) throws XMLStreamException {
        reader.getInputFeeder().feedInput(bytes);
        while (!abandoned) {
            int event = reader.next();
            if (event == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                return;
            }
            handle(event);
        }
    }

    /** Called when the stream is restarted: this parser must not report anything more. */
    void abandon() {
        abandoned = true;
    }

    private void handle(int event) throws XMLStreamException {
        switch (event) {
            case AsyncXMLStreamReader.START_ELEMENT -> start();
            case AsyncXMLStreamReader.END_ELEMENT -> end();
            case AsyncXMLStreamReader.CHARACTERS, AsyncXMLStreamReader.CDATA -> text();
            default -> {
                // declarations and whitespace between stanzas carry nothing the generator needs
            }
        }
    }

    private void start() throws XMLStreamException {
        depth++;
        if (depth == 1) {
            listener.streamOpened();
            return;
        }
        if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS) {
            throw new XMLStreamException("stanza deeper than " + MAX_DEPTH + " or with more than " + MAX_ELEMENTS
                    + " elements");
        }
        String namespace = reader.getNamespaceURI();
        XmlElement element = new XmlElement(reader.getLocalName(), namespace == null ? "" : namespace);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.addAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        if (!open.isEmpty()) {
            open.peek().addChild(element);
        }
        open.push(element);
    }

    private void end() {
        depth--;
        if (depth == 0) {
            listener.streamClosed();
            return;
        }
        XmlElement element = open.pop();
        if (open.isEmpty()) {
            textLength = 0;
            elements = 0;
            listener.stanza(element);
        }
    }

    private void text() throws XMLStreamException {
        if (open.isEmpty()) {
            return;
        }
        String characters = reader.getText();
        textLength += characters.length();
        if (textLength > MAX_TEXT) {
            throw new XMLStreamException("stanza text longer than " + MAX_TEXT);
        }
        open.peek().appendText(characters);
    }
}
