package io.floe.runtime.rest.handler;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;

/** A status and a body that the server writes as JSON (a message record, list or map). */
public record RestResponse(HttpResponseStatus status, Object body) {
    public RestResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
    }

    public static RestResponse ok(Object body) {
        return new RestResponse(HttpResponseStatus.OK, body);
    }

    public static RestResponse accepted(Object body) {
        return new RestResponse(HttpResponseStatus.ACCEPTED, body);
    }
}
