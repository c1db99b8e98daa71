package io.floe.runtime.rest.handler;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request failed with a known status; the message goes to the client as the single entry of
 * {@code errors}, so it must be one clear sentence without a stack trace.
 */
public class RestHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;

    public RestHandlerException(HttpResponseStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RestHandlerException(HttpResponseStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static RestHandlerException badRequest(String message) {
        return new RestHandlerException(HttpResponseStatus.BAD_REQUEST, message);
    }

    public HttpResponseStatus getStatus() {
        return status;
    }
}
