package io.portbind.http.protocol;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.portbind.http.metrics.Metrics;
import io.portbind.http.routing.Router;

/**
 * Collects each request's body up to the limit. Above it Netty's aggregator answers 413 itself,
 * before the request reaches the dispatcher; this subclass only counts and logs that answer.
 */
final class BodyLimit extends HttpObjectAggregator {

    private final Metrics metrics;

    BodyLimit(int maxBodyBytes, Metrics metrics) {
        super(maxBodyBytes);
        this.metrics = metrics;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest request) {
            metrics.record(Router.UNMATCHED, 413, 0);
            AccessLog.record(ctx.channel(), request, 413, 0, 0);
        }
        super.handleOversizedMessage(ctx, oversized);
    }
}
