package io.floe.runtime.rest.handler.job;

import io.floe.api.JobStatus;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.MultipleJobsDetails;
import io.floe.runtime.webmonitor.JobDetails;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/overview}: a summary of every job.
 *
 * <p>The Dispatcher's {@link JobDetails} counts a job's subtasks but not their states, so
 * {@code tasks} puts all of them in the bucket that the job's own state implies (a RUNNING job's
 * subtasks count as running, a FINISHED job's as finished). {@code /jobs/:jobid} has the exact
 * per-vertex counts.
 */
public final class JobsOverviewHandler implements RestHandler {
    private final DispatcherGateway dispatcher;
    private final Clock clock;

    public JobsOverviewHandler(DispatcherGateway dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return dispatcher.listJobs().thenApply(jobs -> {
            long now = clock.millis();
            return RestResponse.ok(new MultipleJobsDetails(
                    jobs.stream().map(job -> toOverview(job, now)).toList()));
        });
    }

    private static MultipleJobsDetails.JobOverview toOverview(JobDetails job, long now) {
        long end = job.endTime();
        long duration = job.startTime() < 0 ? -1 : (end >= 0 ? end : now) - job.startTime();
        long lastModification = Math.max(job.startTime(), end);
        return new MultipleJobsDetails.JobOverview(
                job.jobId().value(),
                job.jobName(),
                job.status().name(),
                job.startTime(),
                end,
                duration,
                lastModification,
                taskCounts(job));
    }

    private static Map<String, Integer> taskCounts(JobDetails job) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        for (ExecutionState state : ExecutionState.values()) {
            tasks.put(state.name().toLowerCase(Locale.ROOT), 0);
        }
        tasks.put("reconciling", 0);
        tasks.merge(impliedTaskState(job.status()).name().toLowerCase(Locale.ROOT), job.numberOfTasks(), Integer::sum);
        tasks.put("total", job.numberOfTasks());
        return tasks;
    }

    private static ExecutionState impliedTaskState(JobStatus status) {
        return switch (status) {
            case INITIALIZING, CREATED -> ExecutionState.CREATED;
            case RUNNING -> ExecutionState.RUNNING;
            case FAILING, CANCELLING, RESTARTING -> ExecutionState.CANCELING;
            case FINISHED -> ExecutionState.FINISHED;
            case CANCELED, SUSPENDED -> ExecutionState.CANCELED;
            case FAILED -> ExecutionState.FAILED;
        };
    }
}
