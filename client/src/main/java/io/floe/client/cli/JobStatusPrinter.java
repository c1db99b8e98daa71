package io.floe.client.cli;

import io.floe.api.JobClient;
import io.floe.api.JobExecutionResult;
import io.floe.api.JobListener;
import io.floe.api.JobStatus;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code floe run} tells the user about the jobs a program submits, as Flink's CLI does:
 * the job id on submission, in attached mode each status change while the job runs, and the
 * runtime at the end. Polls the job's status on a daemon thread of its own.
 */
final class JobStatusPrinter implements JobListener, AutoCloseable {
    private static final long POLL_MILLIS = 250;

    private final PrintWriter out;
    private final boolean attached;
    private final ScheduledExecutorService poller;

    JobStatusPrinter(PrintWriter out, boolean attached) {
        this.out = out;
        this.attached = attached;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "floe-cli-job-status");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.poller = executor;
    }

    @Override
    public void onJobSubmitted(JobClient jobClient, Throwable error) {
        if (error != null) {
            return;
        }
        println("Job has been submitted with JobID " + jobClient.getJobId());
        if (attached) {
            follow(jobClient, new AtomicReference<>());
        }
    }

    private void follow(JobClient jobClient, AtomicReference<JobStatus> last) {
        poller.schedule(
                () -> {
                    CompletableFuture<JobStatus> status = jobClient.getJobStatus();
                    status.whenComplete((current, error) -> {
                        if (error == null && current != last.getAndSet(current)) {
                            println("Job " + jobClient.getJobId() + " is " + current);
                        }
                        if (error == null && current != null && current.isGloballyTerminal()) {
                            return;
                        }
                        if (!poller.isShutdown()) {
                            follow(jobClient, last);
                        }
                    });
                },
                POLL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable error) {
        if (result != null && !result.isDetached()) {
            println("Job with JobID " + result.getJobId() + " has finished.");
            println("Job Runtime: " + result.getNetRuntime() + " ms");
        }
    }

    private synchronized void println(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
