package io.floe.runtime.rest.handler.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody.FailureCause;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody.JobExecutionResult;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody.SerializedError;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/:jobid/execution-result}, which clients poll: {@code IN_PROGRESS} until the job
 * is globally terminal, then {@code COMPLETED} with the result. It asks for the status first and
 * the result only for an ended job, because the Dispatcher's result future completes only when the
 * job ends and the event loop must not wait for that.
 */
public final class JobExecutionResultHandler implements RestHandler {
    private final DispatcherGateway dispatcher;
    private final Duration timeout;
    private final ObjectMapper mapper;

    /** @param timeout how long the Dispatcher may take to hand over the result of an ended job */
    public JobExecutionResultHandler(DispatcherGateway dispatcher, Duration timeout, ObjectMapper mapper) {
        this.dispatcher = dispatcher;
        this.timeout = timeout;
        this.mapper = mapper;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        JobId jobId = JobIdPathParameter.from(request);
        return dispatcher.requestJobStatus(jobId).thenCompose(status -> {
            if (!status.isGloballyTerminal()) {
                return CompletableFuture.completedFuture(RestResponse.ok(JobExecutionResultResponseBody.inProgress()));
            }
            return dispatcher
                    .requestJobResult(jobId, timeout)
                    .thenApply(result -> RestResponse.ok(JobExecutionResultResponseBody.completed(toBody(result))));
        });
    }

    private JobExecutionResult toBody(JobResult result) {
        FailureCause cause =
                result.status() == JobStatus.FAILED && result.error() != null ? toFailureCause(result.error()) : null;
        return new JobExecutionResult(
                result.jobId().value(), applicationStatus(result.status()), Map.of(), result.netRuntimeMillis(), cause);
    }

    private FailureCause toFailureCause(ErrorInfo error) {
        String trace =
                error.stackTrace() == null || error.stackTrace().isEmpty() ? error.toString() : error.stackTrace();
        try {
            byte[] serialized =
                    mapper.writeValueAsBytes(new SerializedError(error.className(), error.message(), trace));
            return new FailureCause(
                    error.className(), trace, Base64.getEncoder().encodeToString(serialized));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not encode the failure cause " + error.className(), e);
        }
    }

    /** Flink's ApplicationStatus names. */
    static String applicationStatus(JobStatus status) {
        return switch (status) {
            case FINISHED -> "SUCCEEDED";
            case FAILED -> "FAILED";
            case CANCELED -> "CANCELED";
            default -> "UNKNOWN";
        };
    }
}
