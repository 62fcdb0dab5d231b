package io.portbind.http.routing;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the route for a method and path. Literal paths are one map lookup (the greeting is the hot
 * path); patterns are tried in declaration order. A path that exists under other methods gets 405
 * with {@code Allow}; HEAD is answered by the GET route, the encoder dropping the body.
 */
public final class Router {

    /** The metrics label of requests no route matched, so that random paths cannot grow the label set. */
    public static final String UNMATCHED = "unmatched";

    private final Map<String, List<Route>> literal = new HashMap<>();
    private final List<Route> patterns = new ArrayList<>();

    private Router() {
    }

    /** What to do with one request: a handler, the route name it counts under, and its path parameters. */
    public record Resolution(String routeName, Handler handler, Map<String, String> pathParameters) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Declares routes; the service lists all of them in one place. */
    public static final class Builder {

        private final Router router = new Router();

        public Builder get(String pattern, Handler handler) {
            return add(HttpMethod.GET, pattern, handler);
        }

        public Builder put(String pattern, Handler handler) {
            return add(HttpMethod.PUT, pattern, handler);
        }

        public Builder delete(String pattern, Handler handler) {
            return add(HttpMethod.DELETE, pattern, handler);
        }

        private Builder add(HttpMethod method, String pattern, Handler handler) {
            Route route = new Route(method, pattern, handler);
            if (route.isLiteral()) {
                router.literal.computeIfAbsent(pattern, p -> new ArrayList<>()).add(route);
            } else {
                router.patterns.add(route);
            }
            return this;
        }

        public Router build() {
            return router;
        }
    }

    public Resolution resolve(HttpMethod method, String path) {
        HttpMethod lookup = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        List<Route> sameLiteral = literal.get(path);
        if (sameLiteral != null) {
            for (Route route : sameLiteral) {
                if (route.method().equals(lookup)) {
                    return new Resolution(route.pattern(), route.handler(), Map.of());
                }
            }
            return notAllowed(sameLiteral);
        }
        if (path.isEmpty() || path.charAt(0) != '/') {
            return new Resolution(UNMATCHED, notFound(), Map.of());
        }
        List<String> segments = Route.segments(path);
        List<Route> samePath = new ArrayList<>();
        for (Route route : patterns) {
            Map<String, String> parameters = route.match(segments);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(lookup)) {
                return new Resolution(route.pattern(), route.handler(), parameters);
            }
            samePath.add(route);
        }
        return samePath.isEmpty() ? new Resolution(UNMATCHED, notFound(), Map.of()) : notAllowed(samePath);
    }

    private static Resolution notAllowed(List<Route> routes) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            allowed.add(route.method().name());
            if (route.method().equals(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD.name());
            }
        }
        String allow = String.join(", ", allowed);
        return new Resolution(routes.get(0).pattern(), exchange -> {
            FullHttpResponse response = Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "method not allowed; allowed: " + allow);
            response.headers().set(HttpHeaderNames.ALLOW, allow);
            exchange.respond(response);
        }, Map.of());
    }

    private static Handler notFound() {
        return exchange -> exchange.respond(Responses.error(HttpResponseStatus.NOT_FOUND, "no such resource"));
    }
}
