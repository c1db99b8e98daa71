package io.floe.runtime.rest.router;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a method and path to a target. When several templates fit a path, the one with more
 * literal segments wins ({@code GET /jobs/overview} over {@code GET /jobs/:jobid}); a path that
 * fits only routes of other methods gives {@link RouteResult.MethodNotAllowed}. A leading
 * {@code /v1} is ignored, as Flink serves its API under that version prefix too.
 *
 * <p>Add every route before sharing the router; after that it is read-only and thread-safe.
 */
public final class Router<T> {
    private static final String VERSION_PREFIX = "v1";

    private final List<Route<T>> routes = new ArrayList<>();

    private record Route<T>(HttpMethod method, PathTemplate template, T target) {}

    /** Adds a route; fails if the same method and template are routed already. */
    public Router<T> addRoute(HttpMethod method, String template, T target) {
        PathTemplate parsed = PathTemplate.parse(template);
        for (Route<T> route : routes) {
            if (route.method.equals(method) && route.template.toString().equals(parsed.toString())) {
                throw new IllegalArgumentException("Route " + method + " " + template + " exists already.");
            }
        }
        routes.add(new Route<>(method, parsed, target));
        return this;
    }

    /**
     * Routes a raw path (without the query string). Segments are percent-decoded before matching,
     * so parameter values arrive decoded.
     */
    public RouteResult<T> route(HttpMethod method, String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : PathTemplate.split(rawPath)) {
            segments.add(QueryStringDecoder.decodeComponent(segment));
        }
        if (!segments.isEmpty() && segments.get(0).equals(VERSION_PREFIX)) {
            segments.remove(0);
        }
        Route<T> best = null;
        Map<String, String> bestParameters = null;
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route<T> route : routes) {
            Optional<Map<String, String>> parameters = route.template.match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            allowed.add(route.method);
            if (route.method.equals(method)
                    && (best == null || route.template.literalSegments() > best.template.literalSegments())) {
                best = route;
                bestParameters = parameters.get();
            }
        }
        if (best != null) {
            return new RouteResult.Found<>(best.target, best.template, bestParameters);
        }
        return allowed.isEmpty() ? new RouteResult.NotFound<>() : new RouteResult.MethodNotAllowed<>(allowed);
    }
}
