package io.floe.runtime.rest.router;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import java.util.Set;

/** What {@link Router#route} found: a target, a path without the method asked for, or nothing. */
public sealed interface RouteResult<T> {

    /** The path and method fit a route; {@code pathParameters} are its decoded {@code :name} values. */
    record Found<T>(T target, PathTemplate template, Map<String, String> pathParameters) implements RouteResult<T> {}

    /** The path fits routes, but none for this method; {@code allowed} are the methods that do. */
    record MethodNotAllowed<T>(Set<HttpMethod> allowed) implements RouteResult<T> {}

    /** No route has this path. */
    record NotFound<T>() implements RouteResult<T> {}
}
