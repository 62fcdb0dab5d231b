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
 * with {@code Allow}, or that list as the answer to OPTIONS; HEAD is answered by the GET route, the
 * dispatcher dropping the body.
 */
public final class Router {

    /** The metrics label of requests no route matched, so that random paths cannot grow the label set. */
    public static final String UNMATCHED = "unmatched";
    /** The asterisk-form target: the server as a whole, for OPTIONS only. */
    public static final String ANY_RESOURCE = "*";
    /**
     * The methods RFC 9110 defines, and PATCH. Any other is answered 501 on every path (RFC 9110 section
     * 15.6.2), while a known one that a path does not support is 405 there.
     */
    private static final Set<HttpMethod> KNOWN_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.CONNECT, HttpMethod.OPTIONS, HttpMethod.TRACE,
            HttpMethod.PATCH);
    private static final Handler NOT_IMPLEMENTED = exchange -> exchange.respond(
            Responses.error(HttpResponseStatus.NOT_IMPLEMENTED, "method not implemented"));
    private static final Handler NOT_FOUND = exchange -> exchange.respond(
            Responses.error(HttpResponseStatus.NOT_FOUND, "no such resource"));

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

    /**
     * The route for {@code method} on {@code path}. An unknown method is 501 whatever the path; OPTIONS
     * is answered for any existing path and for {@code *}, the whole server (RFC 9110 section 9.3.7).
     */
    public Resolution resolve(HttpMethod method, String path) {
        if (!KNOWN_METHODS.contains(method)) {
            return new Resolution(UNMATCHED, NOT_IMPLEMENTED, Map.of());
        }
        if (path.equals(ANY_RESOURCE) && method.equals(HttpMethod.OPTIONS)) {
            List<Route> every = new ArrayList<>(patterns);
            literal.values().forEach(every::addAll);
            return new Resolution(ANY_RESOURCE, options(allowed(every)), Map.of());
        }
        HttpMethod lookup = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        List<Route> sameLiteral = literal.get(path);
        if (sameLiteral != null) {
            for (Route route : sameLiteral) {
                if (route.method().equals(lookup)) {
                    return new Resolution(route.pattern(), route.handler(), Map.of());
                }
            }
            return otherMethod(method, sameLiteral);
        }
        if (path.isEmpty() || path.charAt(0) != '/') {
            return new Resolution(UNMATCHED, NOT_FOUND, Map.of());
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
        return samePath.isEmpty() ? new Resolution(UNMATCHED, NOT_FOUND, Map.of()) : otherMethod(method, samePath);
    }

    /** A method the path has no route for: OPTIONS lists the ones it has, anything else gets 405 with that list. */
    private static Resolution otherMethod(HttpMethod method, List<Route> routes) {
        String allow = allowed(routes);
        Handler handler = method.equals(HttpMethod.OPTIONS) ? options(allow) : exchange -> {
            FullHttpResponse response = Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "method not allowed; allowed: " + allow);
            response.headers().set(HttpHeaderNames.ALLOW, allow);
            exchange.respond(response);
        };
        return new Resolution(routes.get(0).pattern(), handler, Map.of());
    }

    /** The methods of {@code routes} for {@code Allow}: HEAD with GET, and OPTIONS, which every path answers. */
    private static String allowed(List<Route> routes) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            allowed.add(route.method().name());
            if (route.method().equals(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD.name());
            }
        }
        allowed.add(HttpMethod.OPTIONS.name());
        return String.join(", ", allowed);
    }

    private static Handler options(String allow) {
        return exchange -> {
            FullHttpResponse response = Responses.empty(HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.ALLOW, allow);
            exchange.respond(response);
        };
    }
}
