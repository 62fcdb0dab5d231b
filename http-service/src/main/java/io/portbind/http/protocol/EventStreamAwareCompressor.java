package io.portbind.http.protocol;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * gzip (or deflate) when the client accepts it, for bodies worth compressing. Server-Sent Events
 * pass through uncompressed: a compressor buffers, and an event must reach the browser at once.
 */
final class EventStreamAwareCompressor extends HttpContentCompressor {

    /** Smaller bodies (the greeting, JSON answers) gain nothing but cost CPU. */
    private static final int MIN_COMPRESSED_BYTES = 1024;

    EventStreamAwareCompressor(int maxPipelineDepth) {
        super(MIN_COMPRESSED_BYTES, maxPipelineDepth, StandardCompressionOptions.gzip(),
                StandardCompressionOptions.deflate());
    }

    @Override
    protected Result beginEncode(HttpResponse response, String acceptEncoding) throws Exception {
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && type.startsWith("text/event-stream")) {
            return null;
        }
        return super.beginEncode(response, acceptEncoding);
    }
}
