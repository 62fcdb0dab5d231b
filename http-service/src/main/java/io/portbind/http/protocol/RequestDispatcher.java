package io.portbind.http.protocol;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.portbind.http.metrics.Metrics;
import io.portbind.http.routing.EventStream;
import io.portbind.http.routing.Exchange;
import io.portbind.http.routing.ResponseSink;
import io.portbind.http.routing.Responses;
import io.portbind.http.routing.Router;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests of one connection strictly in order, as HTTP/1.1 pipelining requires: a
 * request waits while an earlier one is still being answered (say, by the KV store on another
 * thread). Responses are written as they are ready and flushed once per read batch, so a burst of
 * pipelined requests costs one system call. Malformed requests get their 4xx and the connection
 * closes, since whatever follows them cannot be trusted to be framed as intended.
 *
 * <p>Backpressure: while the responses held for the client pass the channel's high water mark (it is not
 * reading them), no further request is answered; past {@link #PAUSE_READING_AT} waiting requests the connection
 * stops reading, and past {@link #MAX_WAITING} (one read can hold that many) it is closed. A client that does not
 * read its responses thus costs at most the water mark and those requests.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter implements ResponseSink {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    /** Beyond this many waiting requests the connection stops reading until it catches up. */
    private static final int PAUSE_READING_AT = 64;
    /** A client that still sends more (one read can hold thousands of tiny requests) is cut off. */
    static final int MAX_WAITING = 1024;

    private final Router router;
    private final Metrics metrics;
    private final ConnectionTimeouts timeouts;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange inFlight;
    private boolean reading;
    private boolean draining;
    private boolean closing;
    private boolean streaming;

    RequestDispatcher(Router router, Metrics metrics, ConnectionTimeouts timeouts) {
        this.router = router;
        this.metrics = metrics;
        this.timeouts = timeouts;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        reading = true;
        timeouts.requestReceived();
        if (closing || streaming || waiting.size() >= MAX_WAITING) {
            request.release();
            if (!closing && !streaming) {
                closing = true;
                ctx.close();
            }
            return;
        }
        waiting.add(request);
        if (waiting.size() == PAUSE_READING_AT) {
            ctx.channel().config().setAutoRead(false);
        }
        drain();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        ctx.flush();
    }

    /** The client read enough of the responses held for it: the requests that waited meanwhile go on. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (inFlight != null) {
            inFlight.request().release();
            inFlight = null;
        }
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {} failed", ctx.channel(), cause);
        ctx.close();
    }

    /** Dispatches waiting requests one at a time until one is answered later or none is left. */
    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (inFlight == null && !closing && !streaming && !waiting.isEmpty() && ctx.channel().isWritable()) {
                dispatch(waiting.poll());
            }
        } finally {
            draining = false;
        }
        if (waiting.size() < PAUSE_READING_AT && !ctx.channel().config().isAutoRead() && !closing) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * Validates, routes and hands the request to its handler. Whatever fails on the way is answered
     * here with 500, in order, so that no exception leaves the connection without its answer or a
     * request unreleased.
     */
    private void dispatch(FullHttpRequest request) {
        long start = System.nanoTime();
        Exchange exchange = null;
        try {
            RequestValidator.Rejection rejection = RequestValidator.check(request);
            if (rejection != null) {
                exchange = begin(request, Router.UNMATCHED, Map.of(), start);
                FullHttpResponse response = Responses.error(rejection.status(), rejection.reason());
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                complete(exchange, response);
                return;
            }
            Router.Resolution resolution = router.resolve(request.method(), path(request.uri()));
            exchange = begin(request, resolution.routeName(), resolution.pathParameters(), start);
            resolution.handler().handle(exchange);
        } catch (RuntimeException e) {
            if (exchange == null) {
                exchange = begin(request, Router.UNMATCHED, Map.of(), start);
            }
            LOG.error("{} {} failed", request.method(), exchange.routeName(), e);
            complete(exchange, Responses.internalError());
        }
    }

    /** The request's exchange, now the one in flight. */
    private Exchange begin(FullHttpRequest request, String routeName, Map<String, String> parameters, long start) {
        inFlight = new Exchange(request, routeName, parameters, this, start);
        return inFlight;
    }

    @Override
    public void complete(Exchange exchange, FullHttpResponse response) {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> complete(exchange, response));
            return;
        }
        if (exchange != inFlight) {
            response.release();
            return;
        }
        inFlight = null;
        HttpRequest request = exchange.request();
        boolean keepAlive = !closing && HttpUtil.isKeepAlive(request) && HttpUtil.isKeepAlive(response);
        response.headers().set(HttpHeaderNames.DATE, HttpDate.now());
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!request.protocolVersion().isKeepAliveDefault()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        int status = response.status().code();
        long bodyBytes = response.content().readableBytes();
        ctx.write(HttpMethod.HEAD.equals(request.method()) ? headersOnly(response) : response, ctx.voidPromise());
        finished(exchange, status, bodyBytes);
        if (!keepAlive) {
            closing = true;
            releaseWaiting();
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!reading) {
            ctx.flush();
        }
        drain();
    }

    /**
     * HEAD gets the stream's headers alone and the connection goes on. GET turns the connection into
     * the stream: chunked for HTTP/1.1; HTTP/1.0 has no chunks, so there the stream ends by closing.
     */
    @Override
    public Optional<EventStream> openEventStream(Exchange exchange) {
        if (!ctx.executor().inEventLoop() || exchange != inFlight) {
            throw new IllegalStateException("an event stream opens from its handler, on the event loop");
        }
        HttpRequest request = exchange.request();
        if (HttpMethod.HEAD.equals(request.method())) {
            FullHttpResponse head = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.EMPTY_BUFFER);
            describeEventStream(head);
            complete(exchange, head);
            return Optional.empty();
        }
        inFlight = null;
        streaming = true;
        timeouts.streamOpened();
        releaseWaiting();
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        describeEventStream(head);
        head.headers().set(HttpHeaderNames.DATE, HttpDate.now());
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else {
            HttpUtil.setTransferEncodingChunked(head, true);
        }
        ctx.writeAndFlush(head, ctx.voidPromise());
        finished(exchange, HttpResponseStatus.OK.code(), -1);
        return Optional.of(new EventStream(ctx.channel()));
    }

    private static void describeEventStream(HttpResponse head) {
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    }

    private void finished(Exchange exchange, int status, long bodyBytes) {
        long nanos = System.nanoTime() - exchange.startNanos();
        metrics.record(exchange.routeName(), status, nanos);
        AccessLog.record(ctx.channel(), exchange.request(), status, bodyBytes, nanos);
        exchange.request().release();
    }

    /** The answer to HEAD: the GET response's status and headers, Content-Length included, and no body. */
    private static FullHttpResponse headersOnly(FullHttpResponse response) {
        FullHttpResponse headersOnly = response.replace(Unpooled.EMPTY_BUFFER);
        response.release();
        return headersOnly;
    }

    private void releaseWaiting() {
        FullHttpRequest request;
        while ((request = waiting.poll()) != null) {
            request.release();
        }
    }

    /** The path of an origin-form or absolute-form target, without its query. */
    private static String path(String target) {
        int start = 0;
        if (target.charAt(0) != '/') {
            int authority = target.indexOf("//");
            start = authority < 0 ? 0 : target.indexOf('/', authority + 2);
            if (start < 0) {
                return "/";
            }
        }
        int query = target.indexOf('?', start);
        return query < 0 ? (start == 0 ? target : target.substring(start)) : target.substring(start, query);
    }
}
