package io.floe.runtime.rest.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router<String> router = new Router<String>()
            .addRoute(HttpMethod.GET, "/jobs", "list")
            .addRoute(HttpMethod.POST, "/jobs", "submit")
            .addRoute(HttpMethod.GET, "/jobs/:jobid", "details")
            .addRoute(HttpMethod.PATCH, "/jobs/:jobid", "cancel")
            .addRoute(HttpMethod.GET, "/jobs/overview", "overview")
            .addRoute(HttpMethod.GET, "/jobs/:jobid/status", "status");

    private RouteResult.Found<String> found(HttpMethod method, String path) {
        return assertInstanceOf(RouteResult.Found.class, router.route(method, path));
    }

    @Test
    void routesByMethodAndPath() {
        assertEquals("list", found(HttpMethod.GET, "/jobs").target());
        assertEquals("submit", found(HttpMethod.POST, "/jobs").target());
    }

    @Test
    void extractsDecodedPathParameters() {
        RouteResult.Found<String> result = found(HttpMethod.GET, "/jobs/a%20b/status");

        assertEquals("status", result.target());
        assertEquals(Map.of("jobid", "a b"), result.pathParameters());
    }

    @Test
    void prefersLiteralSegmentsOverParameters() {
        assertEquals("overview", found(HttpMethod.GET, "/jobs/overview").target());
        assertEquals("details", found(HttpMethod.GET, "/jobs/0123").target());
        // only the parameter route has PATCH, so it takes the literal-looking value
        assertEquals(
                Map.of("jobid", "overview"),
                found(HttpMethod.PATCH, "/jobs/overview").pathParameters());
    }

    @Test
    void ignoresTrailingSlashesAndTheVersionPrefix() {
        assertEquals("list", found(HttpMethod.GET, "/jobs/").target());
        assertEquals("list", found(HttpMethod.GET, "/v1/jobs").target());
    }

    @Test
    void reportsTheAllowedMethodsOfAKnownPath() {
        RouteResult<String> result = router.route(HttpMethod.DELETE, "/jobs/abc");

        assertEquals(
                Set.of(HttpMethod.GET, HttpMethod.PATCH),
                assertInstanceOf(RouteResult.MethodNotAllowed.class, result).allowed());
    }

    @Test
    void reportsUnknownPaths() {
        assertInstanceOf(RouteResult.NotFound.class, router.route(HttpMethod.GET, "/jobs/abc/vertices"));
        assertInstanceOf(RouteResult.NotFound.class, router.route(HttpMethod.GET, "/"));
    }

    @Test
    void refusesBadTemplatesAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("jobs"));
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/jobs/:"));
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/jobs/:id/:id"));
        assertThrows(IllegalArgumentException.class, () -> router.addRoute(HttpMethod.GET, "/jobs/", "again"));
    }
}
