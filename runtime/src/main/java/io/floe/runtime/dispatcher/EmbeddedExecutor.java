package io.floe.runtime.dispatcher;

import io.floe.api.JobClient;
import io.floe.api.JobExecutionResult;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.configuration.Configuration;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.execution.JobResults;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.jobgraph.JobGraph;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code execution.target: embedded}: hands a job straight to the JobManager of this process, for
 * a program whose {@code main()} runs inside it (application mode). Its jars go into the BlobServer
 * from where they are, with no HTTP client, upload or JSON in between.
 */
public final class EmbeddedExecutor implements PipelineExecutor {
    private final JobManagerServices services;
    /** The ids the program's jobs get, in the order it submits them; null: the ids they came with. */
    private final Supplier<JobId> jobIds;

    public EmbeddedExecutor(JobManagerServices services) {
        this(services, null);
    }

    /**
     * @param jobIds the id of each job the program submits, in order: the same again in a new YARN
     *     application attempt, so that a job resumes from its latest checkpoint and one that ended is
     *     not run twice
     */
    public EmbeddedExecutor(JobManagerServices services, Supplier<JobId> jobIds) {
        this.services = services;
        this.jobIds = jobIds;
    }

    /** The n-th id (from 0) of the jobs of {@code application}: a name-based UUID, the same in every attempt. */
    public static Supplier<JobId> idsOf(String application) {
        AtomicInteger next = new AtomicInteger();
        return () -> new JobId(UUID.nameUUIDFromBytes(
                        (application + "/job-" + next.getAndIncrement()).getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", ""));
    }

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration) throws Exception {
        JobGraph graph = jobIds == null ? jobGraph : jobGraph.withJobId(jobIds.get());
        JobStatus ended = jobIds == null ? null : services.recordedEnd(graph.jobId());
        if (ended != null) { // an earlier attempt ran it to its end: main() goes on as it did then
            return CompletableFuture.completedFuture(new EndedJobClient(graph, ended));
        }
        return services.submitJob(graph.withUserJars(List.of()), graph.localUserJars())
                .thenApply(accepted -> new EmbeddedJobClient(graph.jobId()));
    }

    /** A job that ended under an earlier JobManager: its recorded status is all there is. */
    private static final class EndedJobClient implements JobClient {
        private final JobGraph graph;
        private final JobStatus status;

        EndedJobClient(JobGraph graph, JobStatus status) {
            this.graph = graph;
            this.status = status;
        }

        @Override
        public JobId getJobId() {
            return graph.jobId();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(status);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return CompletableFuture.failedFuture(ended());
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            return CompletableFuture.failedFuture(ended());
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
            return CompletableFuture.failedFuture(ended());
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            try {
                return CompletableFuture.completedFuture(
                        JobResults.toExecutionResult(new JobResult(graph.jobId(), graph.jobName(), status, 0, null)));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private IllegalStateException ended() {
            return new IllegalStateException("Job " + graph.jobId() + " was " + status + " under an earlier attempt.");
        }
    }

    /** A handle on a job of this process's JobManager. */
    private final class EmbeddedJobClient implements JobClient {
        private final JobId jobId;

        EmbeddedJobClient(JobId jobId) {
            this.jobId = jobId;
        }

        @Override
        public JobId getJobId() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return services.jobStatus(jobId);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return services.cancelJob(jobId);
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            return services.dispatcher().triggerSavepoint(jobId, savepointDirectory, false);
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
            return services.dispatcher().stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime);
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return services.jobResult(jobId).thenApply(result -> {
                try {
                    return JobResults.toExecutionResult(result);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        }
    }
}
