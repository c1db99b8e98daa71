package io.floe.runtime.rest.handler;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fully read request, as a handler sees it: the routed path's parameters (decoded), the query
 * parameters, and either the raw body or, for multipart requests, the form fields and uploaded
 * files. Immutable.
 */
public record HandlerRequest(
        HttpMethod method,
        String path,
        Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters,
        byte[] body,
        Map<String, String> formFields,
        UploadedFiles uploadedFiles) {

    public HandlerRequest {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
        formFields = Map.copyOf(formFields);
    }

    /** A path parameter the route's template declares. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("The route has no path parameter '" + name + "'.");
        }
        return value;
    }

    /** A query parameter that may be given once; a repeated one is a 400. */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw RestHandlerException.badRequest(
                    "Query parameter '" + name + "' is given " + values.size() + " times; give it once.");
        }
        return Optional.of(values.get(0));
    }
}
