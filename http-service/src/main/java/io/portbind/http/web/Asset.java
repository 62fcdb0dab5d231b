package io.portbind.http.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.portbind.http.routing.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of the dashboard, read from the jar once, with its entity tag. The tag is weak because
 * the compressor may send the same content gzip-encoded; {@code If-None-Match} compares weakly.
 */
final class Asset {

    private static final String BASE = "/io/portbind/http/web/";

    private final String contentType;
    private final ByteBuf body;
    private final String etag;

    private Asset(String contentType, byte[] bytes) {
        this.contentType = contentType;
        this.body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
        this.etag = "W/\"" + HexFormat.of().formatHex(sha256(bytes), 0, 12) + "\"";
    }

    static Asset load(String name, String contentType) {
        try (InputStream in = Asset.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name);
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 304 when the client's copy is current, else the content; both carry the tag and revalidate each time. */
    FullHttpResponse respondTo(HttpRequest request) {
        FullHttpResponse response;
        if (matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            response = Responses.empty(HttpResponseStatus.NOT_MODIFIED);
            Responses.varyByEncoding(response, body.readableBytes());
        } else {
            response = Responses.of(HttpResponseStatus.OK, contentType, body.duplicate());
        }
        response.headers()
                .set(HttpHeaderNames.ETAG, etag)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }

    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
