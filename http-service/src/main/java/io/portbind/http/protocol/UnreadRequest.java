package io.portbind.http.protocol;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Stands in for a request whose request line never arrived whole and valid: the decoder could not
 * read it, or it was still arriving when the request timeout struck. It carries the failure as its
 * decoder result, so the dispatcher answers it in turn like any refused request; its method and
 * target are placeholders, which the access log shows as {@code "-"}.
 */
final class UnreadRequest extends DefaultFullHttpRequest {

    UnreadRequest() {
        super(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.EMPTY_BUFFER);
    }
}
