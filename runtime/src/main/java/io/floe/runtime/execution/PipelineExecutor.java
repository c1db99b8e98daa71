package io.floe.runtime.execution;

import io.floe.api.JobClient;
import io.floe.configuration.Configuration;
import io.floe.runtime.jobgraph.JobGraph;
import java.util.concurrent.CompletableFuture;

/** Runs a job graph somewhere: in this JVM, on a standalone cluster, on YARN. */
public interface PipelineExecutor {
    /**
     * Submits the job; the future completes once the job is accepted (not when it ends).
     * Called on the program's thread.
     */
    CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration) throws Exception;
}
