package io.portbind.chat.connection;

import io.portbind.chat.stream.StreamError;
import io.portbind.chat.xml.Xml;
import io.portbind.chat.xml.XmlElement;
import io.portbind.chat.xml.XmlNode;

/** The stream-level XML the server writes: its header, its features, stream errors and the close. */
final class StreamWriter {

    static final String STREAMS_NAMESPACE = "http://etherx.jabber.org/streams";
    static final String CLOSE = "</stream:stream>";

    private StreamWriter() {
    }

    /**
     * The response stream header of RFC 6120 section 4.7, with {@code to} only when the client named itself.
     * The server writes no human-readable text, so English, its default, is the language of every stream.
     */
    static String header(String id, String domain, String to) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='")
                .append(STREAMS_NAMESPACE).append("' id='").append(id).append("' from='");
        Xml.escape(domain, out);
        if (to != null) {
            out.append("' to='");
            Xml.escape(to, out);
        }
        return out.append("' version='1.0' xml:lang='en'>").toString();
    }

    /** {@code <stream:features>} with the children each feature contributed in {@code container}. */
    static String features(XmlElement container) {
        StringBuilder out = new StringBuilder(256).append("<stream:features>");
        for (XmlNode feature : container.children()) {
            feature.appendTo(out, STREAMS_NAMESPACE);
        }
        return out.append("</stream:features>").toString();
    }

    static String error(StreamError condition) {
        return "<stream:error><" + condition.condition() + " xmlns='" + StreamError.NAMESPACE
                + "'/></stream:error>" + CLOSE;
    }
}
