package io.portbind.http.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Handler home = exchange -> { };
    private final Handler getKey = exchange -> { };
    private final Handler putKey = exchange -> { };
    private final Router router = Router.builder()
            .get("/", home)
            .get("/api/data/{key}", getKey)
            .put("/api/data/{key}", putKey)
            .build();

    @Test
    void literalPathsMatchExactly() {
        Router.Resolution resolution = router.resolve(HttpMethod.GET, "/");
        assertSame(home, resolution.handler());
        assertEquals("/", resolution.routeName());
    }

    @Test
    void parametersArePercentDecodedSegments() {
        Router.Resolution resolution = router.resolve(HttpMethod.PUT, "/api/data/caf%C3%A9%2Fbar");
        assertSame(putKey, resolution.handler());
        assertEquals("/api/data/{key}", resolution.routeName());
        assertEquals(Map.of("key", "caf\u00e9/bar"), resolution.pathParameters());
    }

    @Test
    void headIsAnsweredByTheGetRoute() {
        assertSame(getKey, router.resolve(HttpMethod.HEAD, "/api/data/k").handler());
    }

    @Test
    void unknownPathsAndEmptyParametersAreUnmatched() {
        for (String path : new String[] {"/nope", "/api/data/", "/api/data/a/b", "*", "/api/data"}) {
            assertEquals(Router.UNMATCHED, router.resolve(HttpMethod.GET, path).routeName(), path);
        }
    }

    @Test
    void unknownMethodsAreNotImplementedOnEveryPath() {
        for (String path : new String[] {"/", "/api/data/k", "/nope"}) {
            assertEquals(Router.UNMATCHED, router.resolve(HttpMethod.valueOf("FOO"), path).routeName(), path);
        }
    }

    @Test
    void optionsOfTheWholeServerIsItsOwnRoute() {
        assertEquals("*", router.resolve(HttpMethod.OPTIONS, "*").routeName());
        assertEquals("/api/data/{key}", router.resolve(HttpMethod.OPTIONS, "/api/data/k").routeName());
    }

    @Test
    void otherMethodsOnAKnownPathCountUnderThatRoute() {
        assertEquals("/api/data/{key}", router.resolve(HttpMethod.DELETE, "/api/data/k").routeName());
        assertEquals("/", router.resolve(HttpMethod.POST, "/").routeName());
    }
}
