package io.portbind.bench.xmpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The XML the load generator sends, in one place. */
final class Stanzas {

    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    static final String CLIENT = "jabber:client";

    static final String BIND_ID = "bind";
    static final String SESSION_ID = "session";

    private static final byte[] STARTTLS = bytes("<starttls xmlns='" + TLS + "'/>");
    private static final byte[] BIND_REQUEST = bytes("<iq type='set' id='" + BIND_ID + "'><bind xmlns='" + BIND
            + "'/></iq>");
    private static final byte[] SESSION_REQUEST = bytes("<iq type='set' id='" + SESSION_ID + "'><session xmlns='"
            + SESSION + "'/></iq>");
    private static final byte[] INITIAL_PRESENCE = bytes("<presence/>");
    private static final byte[] STREAM_CLOSE = bytes("</stream:stream>");

    private Stanzas() {
    }

    static ByteBuf streamHeader(String domain) {
        return Unpooled.wrappedBuffer(bytes("<?xml version='1.0'?><stream:stream to='" + escape(domain)
                + "' version='1.0' xml:lang='en' xmlns='" + CLIENT + "' xmlns:stream='" + STREAMS + "'>"));
    }

    static ByteBuf startTls() {
        return Unpooled.wrappedBuffer(STARTTLS);
    }

    /** {@code <auth/>} with the initial response; "=" stands for an empty one (RFC 6120 6.4.2). */
    static ByteBuf auth(String mechanism, byte[] initialResponse) {
        return Unpooled.wrappedBuffer(bytes("<auth xmlns='" + SASL + "' mechanism='" + escape(mechanism) + "'>"
                + base64(initialResponse) + "</auth>"));
    }

    static ByteBuf saslResponse(byte[] response) {
        return Unpooled.wrappedBuffer(bytes("<response xmlns='" + SASL + "'>" + base64(response) + "</response>"));
    }

    /** A bind request without a resource: the server picks one, so concurrent logins never conflict. */
    static ByteBuf bind() {
        return Unpooled.wrappedBuffer(BIND_REQUEST);
    }

    static ByteBuf session() {
        return Unpooled.wrappedBuffer(SESSION_REQUEST);
    }

    static ByteBuf initialPresence() {
        return Unpooled.wrappedBuffer(INITIAL_PRESENCE);
    }

    static ByteBuf streamClose() {
        return Unpooled.wrappedBuffer(STREAM_CLOSE);
    }

    /** A chat message, encoded once by callers that send the same one many times. */
    static byte[] chat(String to, String body) {
        return bytes("<message to='" + escape(to) + "' type='chat'><body>" + escape(body) + "</body></message>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }

    /** Base64 of SASL data, tolerating the "=" that stands for empty data. */
    static byte[] decodeSasl(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() || trimmed.equals("=") ? new byte[0] : Base64.getDecoder().decode(trimmed);
    }

    private static String base64(byte[] data) {
        return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
