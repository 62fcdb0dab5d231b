package io.portbind.http.routing;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One method on one path pattern. A pattern is {@code /}-separated segments, each literal or a
 * {@code {name}} that matches any one non-empty segment.
 */
public record Route(HttpMethod method, String pattern, Handler handler) {

    /** The parameters of {@code segments} when it fits the pattern, else {@code null}. */
    Map<String, String> match(List<String> segments) {
        List<String> expected = segments(pattern);
        if (expected.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = Map.of();
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String have = segments.get(i);
            if (want.startsWith("{")) {
                if (have.isEmpty()) {
                    return null;
                }
                if (parameters.isEmpty()) {
                    parameters = new HashMap<>();
                }
                parameters.put(want.substring(1, want.length() - 1),
                        QueryStringDecoder.decodeComponent(have, StandardCharsets.UTF_8));
            } else if (!want.equals(have)) {
                return null;
            }
        }
        return parameters;
    }

    boolean isLiteral() {
        return !pattern.contains("{");
    }

    static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }
}
