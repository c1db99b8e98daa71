package io.floe.client.rest;

/**
 * A REST call failed. The message is one line meant for the user: the server's {@code errors}
 * joined, or what went wrong on the way.
 */
public class RestClientException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Status code for failures without an HTTP answer. */
    public static final int NO_STATUS = -1;

    private final int httpStatus;

    public RestClientException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public RestClientException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = NO_STATUS;
    }

    /** The answer's HTTP status, or {@link #NO_STATUS} if there was no answer. */
    public int getHttpStatus() {
        return httpStatus;
    }
}
