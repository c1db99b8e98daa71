package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jobs/:jobid/exceptions}: the newest failure as the root exception (absent when the
 * job never failed), the legacy {@code all-exceptions} list and the exception history, newest first.
 */
public record JobExceptionsResponseBody(
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("root-exception") String rootException,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("timestamp") Long timestamp,
        @JsonProperty("all-exceptions") List<TaskException> allExceptions,
        @JsonProperty("truncated") boolean truncated,
        @JsonProperty("exceptionHistory") ExceptionHistory exceptionHistory) {

    /** An entry of the legacy list: the printed exception, the task and where it ran. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskException(
            @JsonProperty("exception") String exception,
            @JsonProperty("task") String task,
            @JsonProperty("location") String location,
            @JsonProperty("timestamp") long timestamp) {}

    /** The failures of the job, newest first. */
    public record ExceptionHistory(
            @JsonProperty("entries") List<Entry> entries, @JsonProperty("truncated") boolean truncated) {}

    /** One failure; {@code taskName} and {@code location} are absent for job-wide failures. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            @JsonProperty("exceptionName") String exceptionName,
            @JsonProperty("stacktrace") String stacktrace,
            @JsonProperty("timestamp") long timestamp,
            @JsonProperty("taskName") String taskName,
            @JsonProperty("location") String location,
            @JsonProperty("failureLabels") Map<String, String> failureLabels,
            @JsonProperty("concurrentExceptions") List<Entry> concurrentExceptions) {}
}
