package io.floe.runtime.rest.messages;

/** {@code {}}: the body of answers that carry nothing, such as a job cancellation. */
public record EmptyResponseBody() {
    public static final EmptyResponseBody INSTANCE = new EmptyResponseBody();
}
