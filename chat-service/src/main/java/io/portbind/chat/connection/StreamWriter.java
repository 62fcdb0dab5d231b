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

    static String header(String id, String domain, String language) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='")
                .append(STREAMS_NAMESPACE).append("' id='").append(id).append("' from='");
        Xml.escape(domain, out);
        out.append("' version='1.0' xml:lang='");
        Xml.escape(language, out);
        return out.append("'>").toString();
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
