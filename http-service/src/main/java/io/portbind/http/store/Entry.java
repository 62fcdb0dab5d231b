package io.portbind.http.store;

import java.util.OptionalLong;

/** A key's string value and its remaining time to live in seconds, empty when it never expires. */
public record Entry(String key, String value, OptionalLong ttlSeconds) {
}
