package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Every failed request answers {@code {"errors": ["..."]}}, as Flink does. */
public record ErrorResponseBody(@JsonProperty("errors") List<String> errors) {
    public static ErrorResponseBody of(String message) {
        return new ErrorResponseBody(List.of(message));
    }
}
