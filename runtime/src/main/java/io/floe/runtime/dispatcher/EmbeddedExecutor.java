package io.floe.runtime.dispatcher;

import io.floe.api.JobClient;
import io.floe.api.JobExecutionResult;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.configuration.Configuration;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.execution.JobResults;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.jobgraph.JobGraph;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code execution.target: embedded}: hands a job straight to the JobManager of this process, for
 * a program whose {@code main()} runs inside it (application mode). Its jars go into the BlobServer
 * from where they are, with no HTTP client, upload or JSON in between.
 */
public final class EmbeddedExecutor implements PipelineExecutor {
    private final JobManagerServices services;

    public EmbeddedExecutor(JobManagerServices services) {
        this.services = services;
    }

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration) {
        return services.submitJob(jobGraph.withUserJars(List.of()), jobGraph.localUserJars())
                .thenApply(accepted -> new EmbeddedJobClient(jobGraph.jobId()));
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
