package io.portbind.chat.stream;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.netty.buffer.ByteBuf;
import io.portbind.chat.xml.Xml;
import io.portbind.chat.xml.XmlElement;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * One XML stream, parsed incrementally as bytes arrive: Aalto's non-blocking reader is fed each
 * buffer as it is and reports events as soon as they are complete, so nothing waits for a whole
 * document. First-level children are assembled into {@link XmlElement} trees; the stream header
 * and end are reported separately. A stream restart (after STARTTLS or SASL) takes a new parser.
 *
 * <p>Restricted XML (RFC 6120 section 11.1): DTDs, comments, processing instructions and entity
 * references other than the predefined ones end the stream with {@code restricted-xml}. Aalto's
 * non-blocking reader cannot parse a DTD's internal subset and would call it malformed, so the bytes
 * before the root element are checked for {@code <!} before Aalto sees them.
 */
public final class XmlStreamParser {

    private static final AsyncXMLInputFactory FACTORY = newFactory();

    private final AsyncXMLStreamReader<AsyncByteBufferFeeder> reader = FACTORY.createAsyncForByteBuffer();
    private final WholeCharacters characters = new WholeCharacters();
    private final AttributeCounter attributes;
    private final StreamLimits limits;
    private final ArrayDeque<XmlElement> open = new ArrayDeque<>();
    private long bytesFed;
    /** Byte offset where the element being assembled began, or where the last complete event ended. */
    private long boundary;
    private int depth;
    private boolean stopped;
    /** Still before the root element, where only the XML declaration may stand. */
    private boolean inProlog = true;
    /** The last byte looked at in the prolog was {@code <}; a chunk may end between it and the next. */
    private boolean afterAngleBracket;

    public XmlStreamParser(StreamLimits limits) {
        this.limits = limits;
        this.attributes = new AttributeCounter(limits.maxAttributes());
    }

    private static AsyncXMLInputFactory newFactory() {
        AsyncXMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** Stops reporting events, for when the listener has replaced this parser or closed the stream. */
    public void stop() {
        stopped = true;
    }

    /** Parses what {@code bytes} holds, reporting every event that becomes complete; does not release it. */
    public void feed(ByteBuf bytes, StreamEvents events) throws StreamException {
        for (ByteBuffer chunk : bytes.nioBuffers()) {
            if (stopped) {
                return;
            }
            bytesFed += chunk.remaining();
            if (inProlog) {
                scanProlog(chunk);
            }
            attributes.scan(chunk);
            parse(characters.completeHeld(chunk), events);
            parse(characters.upToLastWhole(chunk), events);
            if (bytesFed - boundary > limits.maxStanzaBytes()) {
                throw tooLarge();
            }
        }
    }

    private void parse(ByteBuffer wholeCharacters, StreamEvents events) throws StreamException {
        if (wholeCharacters == null || !wholeCharacters.hasRemaining() || stopped) {
            return;
        }
        try {
            reader.getInputFeeder().feedInput(wholeCharacters);
            drain(events);
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** Reads the prolog up to the root element's {@code <}, refusing a document type declaration or a comment. */
    private void scanProlog(ByteBuffer chunk) throws StreamException {
        for (int i = chunk.position(); i < chunk.limit() && inProlog; i++) {
            byte b = chunk.get(i);
            if (afterAngleBracket) {
                if (b == '!') {
                    throw new StreamException(StreamError.RESTRICTED_XML, "DTD or comment before the stream header");
                }
                // "<?" opens the XML declaration; anything else opens the root element.
                inProlog = b == '?';
            }
            afterAngleBracket = b == '<';
        }
    }

    private void drain(StreamEvents events) throws XMLStreamException, StreamException {
        while (!stopped) {
            int event = next();
            switch (event) {
                case AsyncXMLStreamReader.EVENT_INCOMPLETE:
                    return;
                case XMLStreamConstants.START_ELEMENT:
                    startElement(events);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    endElement(events);
                    break;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
                    characters();
                    break;
                case XMLStreamConstants.DTD, XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION,
                        XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                        XMLStreamConstants.NOTATION_DECLARATION:
                    throw new StreamException(StreamError.RESTRICTED_XML, "restricted XML construct, event " + event);
                default:
                    // START_DOCUMENT (the XML declaration) and END_DOCUMENT carry nothing for us.
                    break;
            }
        }
    }

    private void startElement(StreamEvents events) throws XMLStreamException, StreamException {
        depth++;
        if (depth == 1) {
            events.streamOpened(header());
            markBoundary();
            return;
        }
        if (depth - 1 > limits.maxDepth()) {
            throw new StreamException(StreamError.POLICY_VIOLATION, "elements nested deeper than " + limits.maxDepth());
        }
        if (depth == 2) {
            boundary = reader.getLocationInfo().getStartingByteOffset();
        }
        XmlElement element = new XmlElement(reader.getLocalName(), nonNull(reader.getNamespaceURI()));
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i);
            if (namespace == null || namespace.isEmpty()) {
                element.attribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            } else if (Xml.XML_NAMESPACE.equals(namespace)) {
                element.attribute("xml:" + reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            // Attributes in other namespaces have no meaning in XMPP core and are dropped.
        }
        XmlElement parent = open.peek();
        if (parent != null) {
            parent.add(element);
        }
        open.push(element);
    }

    private void endElement(StreamEvents events) throws XMLStreamException, StreamException {
        depth--;
        if (depth == 0) {
            stopped = true;
            events.streamClosed();
            return;
        }
        XmlElement element = open.pop();
        if (depth == 1) {
            long start = boundary;
            markBoundary();
            // A whole stanza can arrive in one buffer, so its size is checked here as well as per feed.
            if (boundary - start > limits.maxStanzaBytes()) {
                throw tooLarge();
            }
            events.element(element);
        }
    }

    private void characters() throws XMLStreamException, StreamException {
        XmlElement current = open.peek();
        if (current != null) {
            current.addText(text());
            return;
        }
        // Between stanzas only whitespace is allowed: it is the keepalive of RFC 6120 section 4.6.1.
        if (!text().chars().allMatch(XmlStreamParser::isXmlSpace)) {
            throw new StreamException(StreamError.BAD_FORMAT, "text outside of a stanza");
        }
        markBoundary();
    }

    /**
     * The next event. Aalto reports some malformed input, such as the reserved prefix {@code xmlns} on an
     * element, with a plain {@link RuntimeException}: from the reader, that too is the client's XML.
     */
    private int next() throws StreamException {
        try {
            return reader.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw notWellFormed(e);
        }
    }

    /** The current text event; Aalto decodes text lazily, so invalid characters in it surface here, unchecked. */
    private String text() throws StreamException {
        try {
            return reader.getText();
        } catch (RuntimeException e) {
            throw notWellFormed(e);
        }
    }

    private static StreamException notWellFormed(Exception e) {
        Throwable cause = e instanceof UncheckedStreamException && e.getCause() != null ? e.getCause() : e;
        return new StreamException(StreamError.NOT_WELL_FORMED, cause.getMessage());
    }

    private StreamException tooLarge() {
        return new StreamException(StreamError.POLICY_VIOLATION, "stanza larger than " + limits.maxStanzaBytes()
                + " bytes");
    }

    private void markBoundary() throws XMLStreamException {
        boundary = reader.getLocationInfo().getEndingByteOffset();
    }

    private StreamHeader header() {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = Xml.XML_NAMESPACE.equals(reader.getAttributeNamespace(i)) ? "xml:" : "";
            attributes.put(prefix + reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        String contentNamespace = "";
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            if (prefix == null || prefix.isEmpty()) {
                contentNamespace = nonNull(reader.getNamespaceURI(i));
            }
        }
        return new StreamHeader(reader.getLocalName(), nonNull(reader.getNamespaceURI()), contentNamespace,
                attributes);
    }

    /** XML's white space (production S): the four characters a keepalive may consist of. */
    private static boolean isXmlSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
