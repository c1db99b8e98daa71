package io.floe.client.deployment;

import io.floe.api.JobClient;
import io.floe.api.JobExecutionResult;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.client.rest.RestClusterClient;
import io.floe.runtime.execution.JobResults;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A job on a remote cluster, followed over REST. The REST client is synchronous, so calls run on
 * a small daemon pool of this job client; the REST client closes when the result has arrived.
 */
final class RestJobClient implements JobClient {
    private final JobId jobId;
    private final RestClusterClient client;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "floe-rest-job-client");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<JobExecutionResult> result;

    RestJobClient(JobId jobId, RestClusterClient client) {
        this.jobId = jobId;
        this.client = client;
    }

    @Override
    public JobId getJobId() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return CompletableFuture.supplyAsync(() -> call(() -> client.getJobStatus(jobId)), executor);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return CompletableFuture.runAsync(() -> call(() -> {
            client.cancelJob(jobId);
            return null;
        }), executor);
    }

    @Override
    public synchronized CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        if (result == null) {
            result = CompletableFuture.supplyAsync(() -> call(() -> JobResults.toExecutionResult(client.requestJobResult(jobId))),
                    executor);
            result.whenComplete((ok, error) -> {
                client.close();
                executor.shutdown();
            });
        }
        return result;
    }

    private interface RestCall<T> {
        T call() throws Exception;
    }

    private static <T> T call(RestCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
