package io.portbind.http.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.portbind.http.routing.Exchange;
import io.portbind.http.routing.Responses;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /}: a browser (it asks for {@code text/html}) gets the dashboard; any other client the
 * classic port-binding greeting. The greeting is the benchmark path: its body and header values are
 * encoded once, and its headers skip validation since every value is a constant.
 */
public final class HomePage {

    /** Scripts, styles and connections only from this origin; no framing, no plugins, no inline code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuf HELLO_BODY = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(HELLO.length).writeBytes(HELLO).asReadOnly());
    private static final AsciiString HELLO_LENGTH = AsciiString.of(Integer.toString(HELLO.length));
    private static final AsciiString TEXT_HTML = AsciiString.cached("text/html");
    private static final HttpHeadersFactory CONSTANT_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);

    private final Asset page = Asset.load("index.html", "text/html; charset=utf-8");

    public void serve(Exchange exchange) {
        String accept = exchange.request().headers().get(HttpHeaderNames.ACCEPT);
        if (accept != null && AsciiString.contains(accept, TEXT_HTML)) {
            FullHttpResponse response = page.respondTo(exchange.request());
            response.headers()
                    .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                    .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
                    .set("Referrer-Policy", "no-referrer");
            Responses.vary(response, HttpHeaderNames.ACCEPT);
            exchange.respond(response);
            return;
        }
        exchange.respond(hello());
    }

    private static FullHttpResponse hello() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                HELLO_BODY.duplicate(), CONSTANT_HEADERS, CONSTANT_HEADERS);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, Responses.TEXT);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, HELLO_LENGTH);
        headers.set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT);
        return response;
    }
}
