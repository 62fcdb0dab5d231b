package io.portbind.chat.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import org.junit.jupiter.api.Test;

/**
 * Aalto's own defect that {@link WholeCharacters} works around: a four-byte character in an attribute
 * value, split between two feeds, is decoded as a wrong BMP character. When this test fails, an Aalto
 * release has fixed it, and the workaround can go.
 */
class AaltoSplitCharacterTest {

    @Test
    void aaltoStillCorruptsAFourByteCharacterSplitInsideAnAttributeValue() throws Exception {
        byte[] document = "<r id='\u20ac\uD83D\uDE00'/>".getBytes(StandardCharsets.UTF_8);
        int insideTheEmoji = "<r id='\u20ac".getBytes(StandardCharsets.UTF_8).length + 2;
        AsyncXMLStreamReader<AsyncByteBufferFeeder> reader = new InputFactoryImpl().createAsyncForByteBuffer();
        reader.getInputFeeder().feedInput(ByteBuffer.wrap(document, 0, insideTheEmoji));
        assertEquals(XMLStreamConstants.START_DOCUMENT, reader.next());
        assertEquals(AsyncXMLStreamReader.EVENT_INCOMPLETE, reader.next());
        reader.getInputFeeder().feedInput(ByteBuffer.wrap(document, insideTheEmoji, document.length - insideTheEmoji));
        assertEquals(XMLStreamConstants.START_ELEMENT, reader.next());
        assertEquals("\u20ac\uF600", reader.getAttributeValue(0), "Aalto fixed the split four-byte character");
    }
}
