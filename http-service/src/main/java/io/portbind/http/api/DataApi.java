package io.portbind.http.api;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.portbind.http.json.JsonObject;
import io.portbind.http.routing.Exchange;
import io.portbind.http.routing.Responses;
import io.portbind.http.store.Entry;
import io.portbind.http.store.KvStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code /api/data}: string keys of the KV store as JSON resources. */
public final class DataApi {

    /** Longest key accepted, in characters; the store would take more, a URL should not. */
    static final int MAX_KEY_LENGTH = 1024;
    /** Longest expiry accepted: about ten years, far below the store's own limit. */
    static final long MAX_TTL_SECONDS = 10L * 366 * 24 * 3600;

    private final KvStore store;

    public DataApi(KvStore store) {
        this.store = store;
    }

    /** {@code GET /api/data/{key}}: 200 with key, value and TTL, or 404. */
    public void get(Exchange exchange) {
        String key = exchange.pathParameter("key");
        if (rejectKey(exchange, key)) {
            return;
        }
        exchange.respondWhenDone(store.get(key).thenApply(entry -> entry
                .map(found -> Responses.json(HttpResponseStatus.OK, toJson(found)))
                .orElseGet(() -> Responses.error(HttpResponseStatus.NOT_FOUND, "no such key"))),
                StoreErrors::toResponse);
    }

    /**
     * {@code PUT /api/data/{key}?ttl=seconds}: the body is the value, UTF-8 text since the API returns it
     * as a JSON string; 201 when created, 204 when replaced.
     */
    public void put(Exchange exchange) {
        String key = exchange.pathParameter("key");
        if (rejectKey(exchange, key)) {
            return;
        }
        OptionalLong ttl = OptionalLong.empty();
        String ttlText = exchange.queryParameter("ttl").orElse(null);
        if (ttlText != null) {
            if (!ttlText.matches("[0-9]{1,12}") || Long.parseLong(ttlText) < 1
                    || Long.parseLong(ttlText) > MAX_TTL_SECONDS) {
                exchange.respond(Responses.error(HttpResponseStatus.BAD_REQUEST,
                        "ttl must be a whole number of seconds from 1 to " + MAX_TTL_SECONDS));
                return;
            }
            ttl = OptionalLong.of(Long.parseLong(ttlText));
        }
        Optional<String> value = exchange.utf8Body();
        if (value.isEmpty()) {
            exchange.respond(Responses.error(HttpResponseStatus.BAD_REQUEST, "the value must be UTF-8 text"));
            return;
        }
        Entry entry = new Entry(key, value.get(), ttl);
        exchange.respondWhenDone(store.put(key, entry.value(), ttl).thenApply(created -> created
                ? created(entry) : Responses.empty(HttpResponseStatus.NO_CONTENT)), StoreErrors::toResponse);
    }

    /** {@code DELETE /api/data/{key}}: 204, or 404 when there was no such key. */
    public void delete(Exchange exchange) {
        String key = exchange.pathParameter("key");
        if (rejectKey(exchange, key)) {
            return;
        }
        exchange.respondWhenDone(store.delete(key).thenApply(existed -> existed
                ? Responses.empty(HttpResponseStatus.NO_CONTENT)
                : Responses.error(HttpResponseStatus.NOT_FOUND, "no such key")), StoreErrors::toResponse);
    }

    /** {@code GET /api/data?prefix=&cursor=}: one {@code SCAN} page; {@code cursor} is "0" when complete. */
    public void list(Exchange exchange) {
        String prefix = exchange.queryParameter("prefix").orElse("");
        String cursor = exchange.queryParameter("cursor").orElse("0");
        if (!isScanCursor(cursor) || prefix.length() > MAX_KEY_LENGTH) {
            exchange.respond(Responses.error(HttpResponseStatus.BAD_REQUEST,
                    "cursor must be a number from a previous page; prefix at most " + MAX_KEY_LENGTH + " characters"));
            return;
        }
        exchange.respondWhenDone(store.scan(prefix, cursor).thenApply(page -> Responses.json(HttpResponseStatus.OK,
                new JsonObject().put("prefix", prefix).putStrings("keys", page.keys())
                        .put("cursor", page.nextCursor()).put("complete", page.nextCursor().equals("0")))),
                StoreErrors::toResponse);
    }

    /** A SCAN cursor: an unsigned 64-bit number in decimal, as the store gives them out. */
    private static boolean isScanCursor(String cursor) {
        if (!cursor.matches("[0-9]{1,20}")) {
            return false;
        }
        try {
            Long.parseUnsignedLong(cursor);
            return true;
        } catch (NumberFormatException pastSixtyFourBits) {
            return false;
        }
    }

    private static boolean rejectKey(Exchange exchange, String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            exchange.respond(Responses.error(HttpResponseStatus.BAD_REQUEST,
                    "key longer than " + MAX_KEY_LENGTH + " characters"));
            return true;
        }
        return false;
    }

    private static FullHttpResponse created(Entry entry) {
        FullHttpResponse response = Responses.json(HttpResponseStatus.CREATED, toJson(entry));
        response.headers().set(HttpHeaderNames.LOCATION, "/api/data/" + percentEncode(entry.key()));
        return response;
    }

    static JsonObject toJson(Entry entry) {
        JsonObject json = new JsonObject().put("key", entry.key()).put("value", entry.value());
        return entry.ttlSeconds().isPresent() ? json.put("ttl", entry.ttlSeconds().getAsLong()) : json.putNull("ttl");
    }

    /** A path segment: RFC 3986 unreserved characters stay, every other byte is {@code %XX}. */
    private static String percentEncode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }
}
