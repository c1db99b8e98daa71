package io.floe.client.deployment;

import io.floe.api.JobClient;
import io.floe.api.JobExecutionResult;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.client.rest.RestClusterClient;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.execution.JobResults;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A job on a remote cluster, followed over REST. The REST client is synchronous, so calls run on
 * a small daemon pool of this job client; the REST client closes when the result has arrived.
 * Deployers hook in after the result was fetched (a per-job cluster may then end) and close
 * resources of their own with it.
 */
public final class RestJobClient implements JobClient {
    private final JobId jobId;
    private final RestClusterClient client;
    private final Runnable afterResultFetched;
    private final AutoCloseable alsoClose;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "floe-rest-job-client");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<JobExecutionResult> result;

    RestJobClient(JobId jobId, RestClusterClient client) {
        this(jobId, client, () -> {}, () -> {});
    }

    /**
     * @param afterResultFetched runs on a pool thread once the job's result is in hand
     * @param alsoClose closed together with the REST client when the result has arrived
     */
    public RestJobClient(JobId jobId, RestClusterClient client, Runnable afterResultFetched, AutoCloseable alsoClose) {
        this.jobId = jobId;
        this.client = client;
        this.afterResultFetched = afterResultFetched;
        this.alsoClose = alsoClose;
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
        return CompletableFuture.runAsync(
                () -> call(() -> {
                    client.cancelJob(jobId);
                    return null;
                }),
                executor);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        return CompletableFuture.supplyAsync(
                () -> call(() -> client.triggerSavepoint(jobId, savepointDirectory, false)), executor);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        return CompletableFuture.supplyAsync(
                () -> call(() -> client.stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime)),
                executor);
    }

    @Override
    public synchronized CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        if (result == null) {
            result = CompletableFuture.supplyAsync(
                    () -> call(() -> {
                        JobResult jobResult = client.requestJobResult(jobId);
                        afterResultFetched.run();
                        return JobResults.toExecutionResult(jobResult);
                    }),
                    executor);
            result.whenComplete((ok, error) -> {
                client.close();
                try {
                    alsoClose.close();
                } catch (Exception e) {
                    // closing is best effort once the result is known
                }
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
