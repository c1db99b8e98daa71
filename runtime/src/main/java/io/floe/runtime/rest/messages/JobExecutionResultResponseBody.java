package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code GET /jobs/:jobid/execution-result}: {@code {"status":{"id":"IN_PROGRESS"}}} while the job
 * runs, then {@code COMPLETED} with the result. Clients poll it.
 */
public record JobExecutionResultResponseBody(
        @JsonProperty("status") QueueStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("job-execution-result") JobExecutionResult result) {

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";

    public static JobExecutionResultResponseBody inProgress() {
        return new JobExecutionResultResponseBody(new QueueStatus(IN_PROGRESS), null);
    }

    public static JobExecutionResultResponseBody completed(JobExecutionResult result) {
        return new JobExecutionResultResponseBody(new QueueStatus(COMPLETED), result);
    }

    /** {@code IN_PROGRESS} or {@code COMPLETED}. */
    public record QueueStatus(@JsonProperty("id") String id) {}

    /**
     * How the job ended. {@code application-status} is SUCCEEDED, FAILED, CANCELED or UNKNOWN;
     * {@code failure-cause} is present only when it failed.
     */
    public record JobExecutionResult(
            @JsonProperty("id") String jobId,
            @JsonProperty("application-status") String applicationStatus,
            @JsonProperty("accumulator-results") Map<String, Object> accumulatorResults,
            @JsonProperty("net-runtime") long netRuntimeMillis,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("failure-cause") FailureCause failureCause) {}

    /**
     * The exception that failed the job, as Flink's serialized throwable: the original class name,
     * the printed stack trace, and in {@code serialized-throwable} the Base64 of
     * {@link SerializedError} JSON (never Java serialization), which carries the original message.
     */
    public record FailureCause(
            @JsonProperty("class") String className,
            @JsonProperty("stack-trace") String stackTrace,
            @JsonProperty("serialized-throwable") String serializedThrowable) {}

    /** What {@code serialized-throwable} decodes to: the original class name, message and stack trace. */
    public record SerializedError(
            @JsonProperty("class") String className,
            @JsonProperty("message") String message,
            @JsonProperty("stack-trace") String stackTrace) {}
}
