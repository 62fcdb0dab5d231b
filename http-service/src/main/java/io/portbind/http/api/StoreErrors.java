package io.portbind.http.api;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.portbind.http.routing.Responses;
import io.portbind.http.store.KvStore;
import io.portbind.common.resp.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisDataException;

/** Turns a failed store call into the API's answer. */
final class StoreErrors {

    /** Seconds a client should wait before retrying while the store is unreachable. */
    static final int RETRY_AFTER_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(StoreErrors.class);

    private StoreErrors() {
    }

    static FullHttpResponse toResponse(Throwable failure) {
        Throwable cause = KvStore.unwrap(failure);
        if (cause instanceof StoreUnavailableException) {
            FullHttpResponse response = Responses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, cause.getMessage());
            response.headers().setInt(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return response;
        }
        if (cause instanceof JedisDataException && String.valueOf(cause.getMessage()).startsWith("WRONGTYPE")) {
            return Responses.error(HttpResponseStatus.CONFLICT, "the key holds a value that is not a string");
        }
        if (cause instanceof JedisDataException) {
            return Responses.error(HttpResponseStatus.BAD_GATEWAY, "KV store replied: " + cause.getMessage());
        }
        LOG.error("store call failed", cause);
        return Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }
}
