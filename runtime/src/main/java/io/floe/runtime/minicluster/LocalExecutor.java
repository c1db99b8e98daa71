package io.floe.runtime.minicluster;

import io.floe.api.JobClient;
import io.floe.api.JobExecutionResult;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobResults;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.jobgraph.JobGraph;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a job on a MiniCluster started for it in this JVM and stopped when the job ends. The
 * cluster has {@code local.number-taskmanager} TaskManagers; each has
 * {@code taskmanager.numberOfTaskSlots} slots if set, else enough for the job's parallelism.
 */
public final class LocalExecutor implements PipelineExecutor {

    private static final Duration CALLS_ANSWERED_WAIT = Duration.ofSeconds(30);

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration) throws Exception {
        int taskManagers = configuration.get(ClusterOptions.LOCAL_NUMBER_TASK_MANAGER);
        int slots = configuration.contains(ClusterOptions.NUM_TASK_SLOTS)
                ? configuration.get(ClusterOptions.NUM_TASK_SLOTS)
                : Math.max(1, (jobGraph.requiredSlots() + taskManagers - 1) / taskManagers);
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(taskManagers, slots, configuration));
        try {
            cluster.start();
            cluster.submitJob(jobGraph).get();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        CallsInFlight calls = new CallsInFlight();
        // the result arrives on a thread of the cluster's RPC service, which close() shuts down: leave it first
        CompletableFuture<JobExecutionResult> result = cluster.requestJobResult(jobGraph.jobId())
                .handleAsync(
                        (jobResult, error) -> {
                            // a stop-with-savepoint is answered around the job's end: the answer must not be lost
                            calls.awaitAnswers(CALLS_ANSWERED_WAIT);
                            cluster.close();
                            if (error != null) {
                                throw new CompletionException(error);
                            }
                            try {
                                return JobResults.toExecutionResult(jobResult);
                            } catch (Exception e) {
                                throw new CompletionException(e);
                            }
                        },
                        LocalExecutor::runOnShutdownThread);
        return CompletableFuture.completedFuture(new MiniClusterJobClient(jobGraph.jobId(), cluster, result, calls));
    }

    /** The job client's calls not answered yet: the cluster stops once they are (or after a wait). */
    private static final class CallsInFlight {
        private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

        <T> CompletableFuture<T> track(CompletableFuture<T> call) {
            pending.add(call);
            call.whenComplete((value, error) -> pending.remove(call));
            return call;
        }

        void awaitAnswers(Duration max) {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(max.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // a failed or unanswered call: its caller sees that; the cluster stops regardless
            }
        }
    }

    private static void runOnShutdownThread(Runnable action) {
        Thread thread = new Thread(action, "floe-local-cluster-shutdown");
        thread.setDaemon(true);
        thread.start();
    }

    /** A handle on a job running in a MiniCluster of its own. */
    private static final class MiniClusterJobClient implements JobClient {
        private final JobId jobId;
        private final MiniCluster cluster;
        private final CompletableFuture<JobExecutionResult> result;
        private final CallsInFlight calls;

        MiniClusterJobClient(
                JobId jobId, MiniCluster cluster, CompletableFuture<JobExecutionResult> result, CallsInFlight calls) {
            this.jobId = jobId;
            this.cluster = cluster;
            this.result = result;
            this.calls = calls;
        }

        @Override
        public JobId getJobId() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return calls.track(cluster.getDispatcherGateway().requestJobStatus(jobId));
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return calls.track(cluster.getDispatcherGateway().cancelJob(jobId));
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            return calls.track(cluster.getDispatcherGateway().triggerSavepoint(jobId, savepointDirectory, false));
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
            return calls.track(cluster.getDispatcherGateway()
                    .stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime));
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }
}
