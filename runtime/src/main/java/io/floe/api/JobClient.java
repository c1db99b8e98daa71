package io.floe.api;

import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job, returned by {@code executeAsync}. Methods may be called from any thread. */
public interface JobClient {
    JobId getJobId();

    CompletableFuture<JobStatus> getJobStatus();

    CompletableFuture<Void> cancel();

    /** Completes with the result when the job finished, or exceptionally with a {@link JobExecutionException}. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
