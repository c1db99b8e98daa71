package io.floe.runtime.rest.handler.job;

import io.floe.api.JobStatus;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.JobDetailsResponseBody;
import io.floe.runtime.webmonitor.JobDetailsInfo;
import io.floe.runtime.webmonitor.JobVertexInfo;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jobs/:jobid}: a job's state, timestamps and vertices. */
public final class JobDetailsHandler implements RestHandler {
    private final DispatcherGateway dispatcher;
    private final Clock clock;

    public JobDetailsHandler(DispatcherGateway dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return dispatcher
                .requestJobDetails(JobIdPathParameter.from(request))
                .thenApply(details -> RestResponse.ok(toBody(details, clock.millis())));
    }

    private static JobDetailsResponseBody toBody(JobDetailsInfo details, long now) {
        Map<String, Long> timestamps = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            timestamps.put(status.name(), 0L);
        }
        timestamps.putAll(details.timestamps());
        Map<String, Integer> statusCounts = zeroPerExecutionState();
        for (JobVertexInfo vertex : details.vertices()) {
            statusCounts.merge(vertex.status(), 1, Integer::sum);
        }
        return new JobDetailsResponseBody(
                details.jobId().value(),
                details.name(),
                false,
                details.status().name(),
                details.startTime(),
                details.endTime(),
                duration(details.startTime(), details.endTime(), now),
                now,
                timestamps,
                details.vertices().stream().map(v -> toVertex(v, now)).toList(),
                statusCounts);
    }

    private static JobDetailsResponseBody.VertexDetails toVertex(JobVertexInfo vertex, long now) {
        Map<String, Integer> tasks = zeroPerExecutionState();
        tasks.putAll(vertex.tasksPerState());
        return new JobDetailsResponseBody.VertexDetails(
                vertex.id(),
                vertex.name(),
                vertex.parallelism(),
                vertex.status(),
                vertex.startTime(),
                vertex.endTime(),
                duration(vertex.startTime(), vertex.endTime(), now),
                tasks);
    }

    private static Map<String, Integer> zeroPerExecutionState() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ExecutionState state : ExecutionState.values()) {
            counts.put(state.name(), 0);
        }
        return counts;
    }

    /** Until the end, or until now while running; -1 when it has not started. */
    static long duration(long start, long end, long now) {
        if (start < 0) {
            return -1;
        }
        return (end >= 0 ? end : now) - start;
    }
}
