package io.portbind.http.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.portbind.http.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** Builds the service's responses; every error body is JSON, {@code {"error": ..., "status": ...}}. */
public final class Responses {

    public static final AsciiString JSON = AsciiString.cached("application/json; charset=utf-8");
    public static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");
    /** Bodies smaller than this are sent as they are: compressing them gains nothing but costs CPU. */
    public static final int MIN_COMPRESSED_BYTES = 1024;

    private Responses() {
    }

    public static FullHttpResponse of(HttpResponseStatus status, CharSequence contentType, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        varyByEncoding(response, body.readableBytes());
        return response;
    }

    /**
     * Says that caches must key the response by {@code Accept-Encoding} when its content, of
     * {@code contentBytes}, is large enough to be compressed for clients that accept gzip; also for a
     * 304 or a HEAD answer, which carry the headers of the full response (RFC 9110 section 15.4.5).
     */
    public static void varyByEncoding(HttpResponse response, int contentBytes) {
        if (contentBytes >= MIN_COMPRESSED_BYTES) {
            vary(response, HttpHeaderNames.ACCEPT_ENCODING);
        }
    }

    /** Adds {@code field} to the response's {@code Vary} list. */
    public static void vary(HttpResponse response, CharSequence field) {
        String present = response.headers().get(HttpHeaderNames.VARY);
        response.headers().set(HttpHeaderNames.VARY, present == null ? field : present + ", " + field);
    }

    public static FullHttpResponse text(HttpResponseStatus status, String body) {
        return of(status, TEXT, Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    public static FullHttpResponse json(HttpResponseStatus status, JsonObject body) {
        return of(status, JSON, Unpooled.wrappedBuffer(body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static FullHttpResponse error(HttpResponseStatus status, String message) {
        return json(status, new JsonObject().put("error", message).put("status", status.code()));
    }

    /** 500 for a failure of this service's own; the cause goes to the log, never to the client. */
    public static FullHttpResponse internalError() {
        return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    /** A response without content, such as 204 or 304. */
    public static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        if (status.code() != HttpResponseStatus.NO_CONTENT.code()
                && status.code() != HttpResponseStatus.NOT_MODIFIED.code()) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        }
        return response;
    }
}
