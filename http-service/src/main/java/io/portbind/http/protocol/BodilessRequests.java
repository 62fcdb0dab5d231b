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
 * Hands on at once, as a complete request without a body, each request whose body is not to be
 * read, and discards its body parts up to the last. Most GETs have no body (no Content-Length, no
 * Transfer-Encoding): the aggregator would otherwise allocate a composite buffer for nothing on every
 * such request, the greeting benchmark's among them. A request with an expectation other than
 * 100-continue is refused with 417 before its body is read, since the client may be waiting to be
 * told to send it. Every other request goes to the aggregator unchanged.
 */
final class BodilessRequests extends ChannelInboundHandlerAdapter {

    /** Whether the body parts arriving belong to a request already handed on. */
    private boolean discarding;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (discarding && msg instanceof HttpContent part && !(msg instanceof HttpRequest)) {
            discarding = !(part instanceof LastHttpContent);
            part.release();
            return;
        }
        discarding = false;
        if (msg instanceof HttpRequest request && !(msg instanceof HttpContent) && request.decoderResult().isSuccess()
                && (hasNoBody(request) || RequestValidator.hasUnsupportedExpectation(request))) {
            discarding = true;
            ctx.fireChannelRead(withoutBody(request));
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The request's line and headers as a complete request with an empty body. */
    static FullHttpRequest withoutBody(HttpRequest request) {
        FullHttpRequest whole = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
        whole.setDecoderResult(request.decoderResult());
        return whole;
    }

    /** No framing headers at all, so the decoder reads no body. */
    private static boolean hasNoBody(HttpRequest request) {
        return !request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                && !request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
    }
}
