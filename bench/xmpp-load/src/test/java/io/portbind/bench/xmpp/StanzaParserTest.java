package io.portbind.bench.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

class StanzaParserTest {

    private static final String STREAM = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='localhost' version='1.0'>"
            + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            + "<mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms></stream:features>"
            + "<message from='juliet@localhost/balcony' type='chat'><body>wherefore &amp; why</body></message>"
            + "</stream:stream>";

    private final List<String> events = new ArrayList<>();
    private final List<XmlElement> stanzas = new ArrayList<>();
    private final StanzaParser parser = new StanzaParser(new StanzaParser.Listener() {
        @Override
        public void streamOpened() {
            events.add("opened");
        }

        @Override
        public void stanza(XmlElement element) {
            events.add(element.name());
            stanzas.add(element);
        }

        @Override
        public void streamClosed() {
            events.add("closed");
        }
    });

    @Test
    void reportsEachStanzaWhenFedOneByteAtATime() throws XMLStreamException {
        for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) {
            parser.feed(ByteBuffer.wrap(new byte[] {b}));
        }

        assertEquals(List.of("opened", "features", "message", "closed"), events);
        XmlElement mechanisms = stanzas.get(0).child("mechanisms");
        assertTrue(stanzas.get(0).is("features", Stanzas.STREAMS));
        assertEquals("PLAIN", mechanisms.children().get(1).text());
        XmlElement message = stanzas.get(1);
        assertEquals("juliet@localhost/balcony", message.attribute("from"));
        assertEquals("wherefore & why", message.child("body").text());
    }

    @Test
    void reportsNothingMoreOnceAbandonedBecauseTheRestBelongsToTheNextStream() throws XMLStreamException {
        StanzaParser[] current = new StanzaParser[1];
        current[0] = new StanzaParser(new StanzaParser.Listener() {
            @Override
            public void streamOpened() {
            }

            @Override
            public void stanza(XmlElement element) {
                events.add(element.name());
                current[0].abandon();
            }

            @Override
            public void streamClosed() {
                events.add("closed");
            }
        });

        current[0].feed(ByteBuffer.wrap(STREAM.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("features"), events);
    }
}
