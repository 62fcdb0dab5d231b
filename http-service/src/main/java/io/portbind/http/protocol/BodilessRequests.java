package io.portbind.http.protocol;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Hands a request that has no body (most GETs: no Content-Length, no Transfer-Encoding) on as a
 * complete request at once, and drops the empty last part the decoder sends after it. The body
 * aggregator would otherwise allocate a composite buffer for nothing on every such request,
 * the greeting benchmark's among them. Requests with a body go to the aggregator unchanged.
 */
final class BodilessRequests extends ChannelInboundHandlerAdapter {

    private boolean dropEmptyLast;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (dropEmptyLast && msg instanceof LastHttpContent last) {
            dropEmptyLast = false;
            if (!last.content().isReadable() && last.trailingHeaders().isEmpty()
                    && last.decoderResult().isSuccess()) {
                last.release();
                return;
            }
        }
        dropEmptyLast = false;
        if (msg instanceof HttpRequest request && !(msg instanceof HttpContent) && hasNoBody(request)) {
            FullHttpRequest whole = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                    request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
            whole.setDecoderResult(request.decoderResult());
            dropEmptyLast = true;
            ctx.fireChannelRead(whole);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** No framing headers at all, so the decoder reads no body; anything else is the aggregator's. */
    private static boolean hasNoBody(HttpRequest request) {
        return request.decoderResult().isSuccess()
                && !request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                && !request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
    }
}
