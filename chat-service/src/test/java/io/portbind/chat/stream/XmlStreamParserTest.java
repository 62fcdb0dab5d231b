package io.portbind.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.portbind.chat.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream parser fed the way the network delivers: in arbitrary pieces, down to single bytes. */
class XmlStreamParserTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0' xml:lang='fr'>";

    private final List<Object> events = new ArrayList<>();
    private final StreamEvents recorder = new StreamEvents() {
        @Override
        public void streamOpened(StreamHeader header) {
            events.add(header);
        }

        @Override
        public void element(XmlElement element) {
            events.add(element);
        }

        @Override
        public void streamClosed() {
            events.add("closed");
        }
    };

    @Test
    void stanzaFedOneByteAtATime_multiByteCharactersIncluded() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
        byte[] input = (HEADER + " <message to='juliet@localhost' type='chat'><body>ciào 💌 &amp; &lt;3</body>"
                + "</message></stream:stream>").getBytes(StandardCharsets.UTF_8);
        for (byte b : input) {
            ByteBuf single = Unpooled.wrappedBuffer(new byte[] {b});
            parser.feed(single, recorder);
            single.release();
        }
        StreamHeader header = (StreamHeader) events.get(0);
        assertEquals("stream", header.name());
        assertEquals("jabber:client", header.contentNamespace());
        assertEquals("fr", header.attribute("xml:lang"));
        XmlElement message = (XmlElement) events.get(1);
        assertEquals("chat", message.attribute("type"));
        assertEquals("ciào 💌 & <3", message.childText("body", "jabber:client").orElseThrow());
        assertEquals("closed", events.get(2));
    }

    @Test
    void elementsKeepTheirNamespaces() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
        feed(parser, HEADER + "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>");
        XmlElement iq = (XmlElement) events.get(1);
        assertTrue(iq.child("ping", "urn:xmpp:ping").isPresent());
        assertEquals("<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>", iq.toXml("jabber:client"));
    }

    @Test
    void doctypeWithAnInternalSubsetFedOneByteAtATimeIsRestrictedXml() {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
        byte[] input = ("<?xml version='1.0'?><!DOCTYPE stream [<!ENTITY a 'b'>]>" + HEADER.substring(21))
                .getBytes(StandardCharsets.UTF_8);
        StreamException error = assertThrows(StreamException.class, () -> {
            for (byte b : input) {
                ByteBuf single = Unpooled.wrappedBuffer(new byte[] {b});
                parser.feed(single, recorder);
                single.release();
            }
        });
        assertEquals(StreamError.RESTRICTED_XML, error.condition());
    }

    @Test
    void cdataInAStanzaArrivingWithTheHeaderIsNoDtd() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
        feed(parser, HEADER + "<message><body><![CDATA[<!DOCTYPE>]]></body></message>");
        assertEquals("<!DOCTYPE>", ((XmlElement) events.get(1)).childText("body", "jabber:client").orElseThrow());
    }

    @Test
    void sizeLimitCountsBytesStillInsideTheParser() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(100, 16));
        feed(parser, HEADER + "<message><body>");
        StreamException error = assertThrows(StreamException.class, () -> feed(parser, "z".repeat(200)));
        assertEquals(StreamError.POLICY_VIOLATION, error.condition());
    }

    @Test
    void whitespaceBetweenStanzasIsAKeepalive_notCountedAgainstTheLimit() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(100, 16));
        feed(parser, HEADER);
        for (int i = 0; i < 50; i++) {
            feed(parser, "   \n");
        }
        feed(parser, "<presence/>");
        assertEquals(2, events.size());
    }


    @Test
    void multiByteTextSplitAtEveryByte_inAttributesAndContent_comesThroughIntact() throws Exception {
        // Two-, three- and four-byte characters at the start, middle and end of attribute values and text.
        String text = "ü€😀-x😀ü€";
        String id = "😀ü€😀-xü😀";
        String to = "😀x@localhost";
        byte[] stanza = ("<message id='" + id + "' to='" + to + "'><body>" + text + "</body><thread>😀"
                + "</thread></message>").getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < stanza.length; split++) {
            events.clear();
            XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
            feed(parser, HEADER);
            feed(parser, Arrays.copyOfRange(stanza, 0, split));
            feed(parser, Arrays.copyOfRange(stanza, split, stanza.length));
            XmlElement message = (XmlElement) events.get(1);
            String at = "split after byte " + split;
            assertEquals(id, message.attribute("id"), at);
            assertEquals(to, message.attribute("to"), at);
            assertEquals(text, message.childText("body", "jabber:client").orElseThrow(), at);
            assertEquals("😀", message.childText("thread", "jabber:client").orElseThrow(), at);
        }
    }

    @Test
    void multiByteAttributeFedOneByteAtATime_comesThroughIntact() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
        feed(parser, HEADER);
        for (byte b : "<iq type='get' id='ü€😀-x'/>".getBytes(StandardCharsets.UTF_8)) {
            feed(parser, new byte[] {b});
        }
        assertEquals("ü€😀-x", ((XmlElement) events.get(1)).attribute("id"));
    }

    @Test
    void xmlnsAsAnElementPrefixIsNotWellFormed() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
        feed(parser, HEADER);
        StreamException error = assertThrows(StreamException.class, () -> feed(parser, "<xmlns:m/>"));
        assertEquals(StreamError.NOT_WELL_FORMED, error.condition());
    }

    @Test
    void invalidUtf8IsNotWellFormed_whereverTheReadEnds() throws Exception {
        byte[] invalid = {'<', 'm', '>', 'g', (byte) 0x86, '<', '/', 'm', '>'};
        for (int split = 0; split <= invalid.length; split++) {
            XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16));
            feed(parser, HEADER);
            byte[] first = Arrays.copyOfRange(invalid, 0, split);
            byte[] second = Arrays.copyOfRange(invalid, split, invalid.length);
            StreamException error = assertThrows(StreamException.class, () -> {
                feed(parser, first);
                feed(parser, second);
                feed(parser, "<presence/>");
            });
            assertEquals(StreamError.NOT_WELL_FORMED, error.condition());
        }
    }

    @Test
    void moreAttributesThanTheLimitIsAPolicyViolation_quotesInTextAndCdataAreNoAttributes() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(8192, 16, 6));
        feed(parser, HEADER + "<message a='1' b=\"2\" c='3' d='4' e='5' f='6'><body>'\"'\"'\"'\"'"
                + "<![CDATA[<x a='1' b='2' c='3' d='4' e='5' f='6' g='7'>]]></body></message>");
        assertEquals(2, events.size());
        byte[] tooMany = "<message a='1' b='2' c='3' d='4' e='5' f='6' g='7'/>".getBytes(StandardCharsets.UTF_8);
        StreamException error = assertThrows(StreamException.class, () -> {
            for (byte b : tooMany) {
                feed(parser, new byte[] {b});
            }
        });
        assertEquals(StreamError.POLICY_VIOLATION, error.condition());
    }

    private void feed(XmlStreamParser parser, byte[] bytes) throws StreamException {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            parser.feed(buffer, recorder);
        } finally {
            buffer.release();
        }
    }

    private void feed(XmlStreamParser parser, String text) throws StreamException {
        ByteBuf buffer = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            parser.feed(buffer, recorder);
        } finally {
            buffer.release();
        }
    }
}
