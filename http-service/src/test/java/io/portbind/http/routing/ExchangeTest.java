package io.portbind.http.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A handler's late answer always reaches the connection, even when the handler's own code fails. */
class ExchangeTest {

    private final List<FullHttpResponse> answers = new ArrayList<>();
    private final Exchange exchange = new Exchange(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
            "/api/data/k"), "/api/data/{key}", Map.of("key", "k"), new ResponseSink() {
                @Override
                public void complete(Exchange answered, FullHttpResponse response) {
                    answers.add(response);
                }

                @Override
                public Optional<EventStream> openEventStream(Exchange opening) {
                    throw new UnsupportedOperationException();
                }
            }, 0);

    @Test
    void aFailureHandlerThatFailsStillAnswers500() {
        exchange.respondWhenDone(CompletableFuture.failedFuture(new IllegalStateException("store failed")),
                failure -> {
                    throw new IllegalArgumentException("and so did the handler");
                });
        assertEquals(List.of(500), statuses());
    }

    @Test
    void aMissingResponseIsAnswered500() {
        exchange.respondWhenDone(CompletableFuture.completedFuture(null), failure -> Responses.internalError());
        assertEquals(List.of(500), statuses());
    }

    private List<Integer> statuses() {
        return answers.stream().map(response -> response.status().code()).toList();
    }
}
