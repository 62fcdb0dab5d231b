package io.portbind.http.protocol;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpContentException;

/**
 * Collects each request's body up to the limit. A larger one, declared or arriving, is not answered
 * here, where the answer would overtake those of earlier pipelined requests: the request goes on
 * without its body and failed, and the dispatcher answers 413 in turn. Netty's aggregator still
 * sends {@code 100 Continue} for a body within the limit.
 */
final class BodyLimit extends HttpObjectAggregator {

    BodyLimit(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    /** A declared body above the limit gets no interim answer; {@link #handleOversizedMessage} refuses it. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        return isContentLengthInvalid(start, maxContentLength) ? null
                : super.newContinueResponse(start, maxContentLength, pipeline);
    }

    /** The aggregator discards the rest of the body; what follows it is dropped when the connection closes. */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            FullHttpRequest refused = BodilessRequests.withoutBody(request);
            refused.setDecoderResult(DecoderResult.failure(new TooLongHttpContentException(
                    "request body above " + maxContentLength() + " bytes")));
            ctx.fireChannelRead(refused);
        }
    }
}
