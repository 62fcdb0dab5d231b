package io.portbind.chat.stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.portbind.chat.xml.XmlElement;

/**
 * Coverage-guided fuzzing of the stream parser with its limits: any bytes, split into any reads, end in events or
 * in a {@link StreamException}; anything else thrown (Aalto's unchecked errors, our own) is a defect. In the test
 * suite this runs the seed corpus beside it ({@code XmlStreamParserFuzzTestInputs/}); {@code JAZZER_FUZZ=1} fuzzes
 * for the duration given ({@code fuzz/run.sh}).
 */
class XmlStreamParserFuzzTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>";

    private static final StreamEvents IGNORED = new StreamEvents() {
        @Override
        public void streamOpened(StreamHeader header) {
        }

        @Override
        public void element(XmlElement element) {
            element.toXml("jabber:client");
        }

        @Override
        public void streamClosed() {
        }
    };

    @FuzzTest(maxDuration = "60s")
    void anyBytesEndInStanzasOrAStreamError(FuzzedDataProvider data) {
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(4096, 16, 16));
        try {
            if (data.consumeBoolean()) {
                feed(parser, HEADER.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            while (data.remainingBytes() > 0) {
                feed(parser, data.consumeBytes(data.consumeInt(1, 64)));
            }
        } catch (StreamException refused) {
            // The stream error the client gets: an expected end.
        }
    }

    private static void feed(XmlStreamParser parser, byte[] bytes) throws StreamException {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            parser.feed(buffer, IGNORED);
        } finally {
            buffer.release();
        }
    }
}
