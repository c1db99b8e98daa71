package io.floe.api;

import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job, returned by {@code executeAsync}. Methods may be called from any thread. */
public interface JobClient {
    JobId getJobId();

    CompletableFuture<JobStatus> getJobStatus();

    CompletableFuture<Void> cancel();

    /**
     * Takes a savepoint of the running job into {@code savepointDirectory} (null: {@code
     * state.savepoints.dir}); completes with the savepoint's path.
     */
    CompletableFuture<String> triggerSavepoint(String savepointDirectory);

    /**
     * Takes a savepoint after which the job finishes, and completes with its path; a job started
     * from it later goes on exactly where this one stopped. {@code advanceToEndOfEventTime} is
     * Flink's {@code --drain}: the sources end event time before the savepoint, so every event-time
     * window and timer fires and its output is committed with it (for a job that will not resume).
     */
    CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory);

    /** Completes with the result when the job finished, or exceptionally with a {@link JobExecutionException}. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
