package io.portbind.http.protocol;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.portbind.http.routing.Responses;

/**
 * gzip (or deflate) when the client accepts it, for bodies worth compressing; {@link Responses} marks
 * those {@code Vary: Accept-Encoding}. Server-Sent Events pass through uncompressed: a compressor
 * buffers, and an event must reach the browser at once.
 */
final class EventStreamAwareCompressor extends HttpContentCompressor {

    EventStreamAwareCompressor(int maxPipelineDepth) {
        super(Responses.MIN_COMPRESSED_BYTES, maxPipelineDepth, StandardCompressionOptions.gzip(),
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
