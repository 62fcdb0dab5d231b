package io.portbind.http.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request on its way to one response: what a handler reads and how it answers. */
public final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    private final FullHttpRequest request;
    private final String routeName;
    private final Map<String, String> pathParameters;
    private final ResponseSink sink;
    private final long startNanos;
    private Map<String, List<String>> queryParameters;

    public Exchange(FullHttpRequest request, String routeName, Map<String, String> pathParameters,
                    ResponseSink sink, long startNanos) {
        this.request = request;
        this.routeName = routeName;
        this.pathParameters = pathParameters;
        this.sink = sink;
        this.startNanos = startNanos;
    }

    public FullHttpRequest request() {
        return request;
    }

    /** The route as declared, such as {@code /api/data/{key}}: a label for metrics, never the raw path. */
    public String routeName() {
        return routeName;
    }

    public long startNanos() {
        return startNanos;
    }

    /** A {@code {name}} segment of the route, percent-decoded. */
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    public Optional<String> queryParameter(String name) {
        if (queryParameters == null) {
            queryParameters = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8).parameters();
        }
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as text; empty when its bytes are not UTF-8, which decoding would silently turn into U+FFFD. */
    public Optional<String> utf8Body() {
        ByteBuf content = request.content();
        if (!ByteBufUtil.isText(content, StandardCharsets.UTF_8)) {
            return Optional.empty();
        }
        return Optional.of(content.toString(StandardCharsets.UTF_8));
    }

    public void respond(FullHttpResponse response) {
        sink.complete(this, response);
    }

    /**
     * Answers once {@code pending} is done; a failure is turned into a response by {@code onFailure}.
     * Should that fail too, or {@code pending} yield no response, the answer is 500: a request that
     * is never answered would stall every request pipelined behind it.
     */
    public void respondWhenDone(CompletionStage<FullHttpResponse> pending,
                                Function<Throwable, FullHttpResponse> onFailure) {
        pending.whenComplete((response, failure) -> {
            FullHttpResponse answer;
            try {
                answer = Objects.requireNonNull(failure == null ? response : onFailure.apply(failure), "response");
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", request.method(), routeName, e);
                answer = Responses.internalError();
            }
            respond(answer);
        });
    }

    /** The event stream answering this request; empty for HEAD, which has been answered with its headers. */
    public Optional<EventStream> openEventStream() {
        return sink.openEventStream(this);
    }
}
