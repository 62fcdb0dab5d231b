package io.portbind.http.protocol;

import io.netty.util.AsciiString;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value, formatted once per second rather than once per response. */
final class HttpDate {

    private static volatile Cached cached = new Cached(-1, AsciiString.EMPTY_STRING);

    private record Cached(long second, AsciiString value) {
    }

    private HttpDate() {
    }

    static AsciiString now() {
        long second = System.currentTimeMillis() / 1000;
        Cached current = cached;
        if (current.second() != second) {
            String text = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(second)
                    .atOffset(ZoneOffset.UTC));
            current = new Cached(second, AsciiString.cached(text));
            cached = current;
        }
        return current.value();
    }
}
