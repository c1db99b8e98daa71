package io.floe.runtime.rest.handler.job;

import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.JobExceptionsResponseBody;
import io.floe.runtime.webmonitor.ExceptionHistoryEntry;
import io.floe.runtime.webmonitor.JobExceptionsInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/:jobid/exceptions}: the job's failures, newest first; the newest is the root
 * exception. Floe keeps every failure of a job, so nothing is truncated.
 */
public final class JobExceptionsHandler implements RestHandler {
    private final DispatcherGateway dispatcher;

    public JobExceptionsHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return dispatcher
                .requestJobExceptions(JobIdPathParameter.from(request))
                .thenApply(exceptions -> RestResponse.ok(toBody(exceptions)));
    }

    private static JobExceptionsResponseBody toBody(JobExceptionsInfo info) {
        List<ExceptionHistoryEntry> history = info.history();
        ExceptionHistoryEntry root = history.isEmpty() ? null : history.get(0);
        List<JobExceptionsResponseBody.TaskException> all = history.stream()
                .map(e -> new JobExceptionsResponseBody.TaskException(
                        printed(e.error()), e.taskName(), e.location(), e.timestamp()))
                .toList();
        List<JobExceptionsResponseBody.Entry> entries = history.stream()
                .map(e -> new JobExceptionsResponseBody.Entry(
                        e.error().className(),
                        printed(e.error()),
                        e.timestamp(),
                        e.taskName(),
                        e.location(),
                        Map.of(),
                        List.of()))
                .toList();
        return new JobExceptionsResponseBody(
                root == null ? null : printed(root.error()),
                root == null ? null : root.timestamp(),
                all,
                false,
                new JobExceptionsResponseBody.ExceptionHistory(entries, false));
    }

    /** The stack trace as printed where it was thrown, or {@code class: message} when there is none. */
    private static String printed(ErrorInfo error) {
        String trace = error.stackTrace();
        return trace == null || trace.isEmpty() ? error.toString() : trace;
    }
}
