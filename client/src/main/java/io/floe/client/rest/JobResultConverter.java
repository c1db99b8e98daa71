package io.floe.client.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody.FailureCause;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody.JobExecutionResult;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody.SerializedError;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a completed {@code job-execution-result} back into the runtime's {@link JobResult}, with the
 * original exception's class, message and stack trace when the job failed. Stateless, thread-safe.
 */
final class JobResultConverter {
    private final ObjectMapper mapper;

    JobResultConverter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The final status, or empty for {@code UNKNOWN}, which Flink's client polls again. */
    static Optional<JobStatus> finalStatus(String applicationStatus) {
        return switch (applicationStatus == null ? "UNKNOWN" : applicationStatus) {
            case "SUCCEEDED" -> Optional.of(JobStatus.FINISHED);
            case "FAILED" -> Optional.of(JobStatus.FAILED);
            case "CANCELED" -> Optional.of(JobStatus.CANCELED);
            default -> Optional.empty();
        };
    }

    JobResult toJobResult(JobId jobId, String jobName, JobStatus status, JobExecutionResult result) {
        ErrorInfo error = result.failureCause() == null ? null : toErrorInfo(result.failureCause());
        return new JobResult(jobId, jobName, status, result.netRuntimeMillis(), error);
    }

    /**
     * Floe servers put the original class, message and trace in {@code serialized-throwable}; for
     * anything else (a Flink server's Java-serialized bytes) the message is read off the trace's
     * first line, {@code class: message}.
     */
    private ErrorInfo toErrorInfo(FailureCause cause) {
        if (cause.serializedThrowable() != null) {
            try {
                SerializedError error = mapper.readValue(
                        Base64.getDecoder().decode(cause.serializedThrowable()), SerializedError.class);
                if (error != null && error.className() != null) {
                    return new ErrorInfo(error.className(), error.message(), error.stackTrace());
                }
            } catch (IOException | IllegalArgumentException e) {
                // not Floe's encoding: fall back to the printed trace
            }
        }
        String trace = cause.stackTrace() == null ? "" : cause.stackTrace();
        String firstLine = trace.lines().findFirst().orElse("");
        String prefix = cause.className() + ": ";
        String message = firstLine.startsWith(prefix) ? firstLine.substring(prefix.length()) : null;
        return new ErrorInfo(cause.className(), message, trace);
    }
}
