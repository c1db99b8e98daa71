package io.floe.runtime.dispatcher;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobGraphValidator;
import io.floe.runtime.jobmaster.JobMaster;
import io.floe.runtime.jobmaster.JobMasterGateway;
import io.floe.runtime.resourcemanager.ResourceManagerGateway;
import io.floe.runtime.rpc.FencingTokens;
import io.floe.runtime.rpc.RemoteRpcException;
import io.floe.runtime.rpc.RpcEndpoint;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.util.Futures;
import io.floe.runtime.webmonitor.ClusterOverview;
import io.floe.runtime.webmonitor.JobDetails;
import io.floe.runtime.webmonitor.JobDetailsInfo;
import io.floe.runtime.webmonitor.JobExceptionsInfo;
import io.floe.runtime.webmonitor.ResourceOverview;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs and runs one {@link JobMaster} per job in this JobManager process; remembers the
 * results of ended jobs so clients can fetch them. Runs on its own main thread.
 */
public class Dispatcher extends RpcEndpoint implements DispatcherGateway {
    public static final String ENDPOINT_ID = "dispatcher";
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final JobMaster.JobMasterSettings jobMasterSettings;
    private final Map<JobId, JobEntry> jobs = new LinkedHashMap<>();

    private static final class JobEntry {
        final JobGraph jobGraph;
        final JobMaster jobMaster;
        final long startTime;
        JobResult result;
        long endTime = -1;
        volatile JobDetailsInfo archivedDetails;
        volatile JobExceptionsInfo archivedExceptions;
        volatile CheckpointStatsSnapshot archivedCheckpoints;
        /** Completes once the ended job's details were kept (or could not be); null while it runs. */
        CompletableFuture<Void> archiving;

        JobEntry(JobGraph jobGraph, JobMaster jobMaster, long startTime) {
            this.startTime = startTime;
            this.jobGraph = jobGraph;
            this.jobMaster = jobMaster;
        }
    }

    private final Consumer<JobId> terminatedJobCleanup;

    /**
     * @param terminatedJobCleanup called off the main thread once a job has ended, to delete what
     *     the cluster kept for it (its jars in the BlobServer)
     */
    public Dispatcher(
            RpcService rpcService,
            JobMaster.JobMasterSettings jobMasterSettings,
            Consumer<JobId> terminatedJobCleanup) {
        super(rpcService, ENDPOINT_ID);
        this.jobMasterSettings = jobMasterSettings;
        this.terminatedJobCleanup = terminatedJobCleanup;
    }

    @Override
    protected void onStart() {
        LOG.info("Dispatcher started at {}", getAddress());
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, Duration timeout) {
        validateRunsInMainThread();
        if (jobs.containsKey(jobGraph.jobId())) {
            return CompletableFuture.failedFuture(new DuplicateJobSubmissionException(jobGraph.jobId()));
        }
        try {
            JobGraphValidator.validate(jobGraph);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.info(
                "Received job '{}' ({}) with {} vertices",
                jobGraph.jobName(),
                jobGraph.jobId(),
                jobGraph.vertices().size());
        JobMaster jobMaster;
        try {
            jobMaster = new JobMaster(getRpcService(), jobGraph, jobMasterSettings);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        JobEntry entry = new JobEntry(jobGraph, jobMaster, clock().millis());
        jobs.put(jobGraph.jobId(), entry);
        jobMaster.getResultFuture().thenAcceptAsync(result -> jobEnded(entry, result), getMainThreadExecutor());
        jobMaster.start();
        return CompletableFuture.completedFuture(null);
    }

    /** Keeps the ended job's details and exceptions for REST, then stops its JobMaster. */
    private void jobEnded(JobEntry entry, JobResult result) {
        entry.result = result;
        entry.endTime = clock().millis();
        LOG.info("Job '{}' ({}) reached its final state {}", result.jobName(), result.jobId(), result.status());
        // the answers arrive on RPC threads; the entry is written on the main thread, as all Dispatcher state is
        CompletableFuture<Void> archived = jobMasterGateway(entry).thenCompose(gateway -> gateway.requestJobDetails()
                .thenCombineAsync(
                        gateway.requestJobExceptions(),
                        (details, exceptions) -> {
                            entry.archivedDetails = details;
                            entry.archivedExceptions = exceptions;
                            return gateway;
                        },
                        getMainThreadExecutor())
                .thenCompose(ignored -> gateway.requestCheckpointStats()
                        .handleAsync(
                                (checkpoints, error) -> {
                                    entry.archivedCheckpoints = checkpoints; // null for a BATCH job
                                    return null;
                                },
                                getMainThreadExecutor())));
        // queries from now on wait for the archive instead of asking a JobMaster that is about to stop
        entry.archiving = archived.handle((ok, error) -> null);
        archived.whenCompleteAsync(
                (ok, error) -> {
                    if (error != null) {
                        LOG.warn("Could not archive the details of job {}: {}", result.jobId(), error.toString());
                    }
                    entry.jobMaster
                            .closeAsync()
                            .whenCompleteAsync(
                                    (closed, closeError) -> terminatedJobCleanup.accept(result.jobId()),
                                    getRpcService().getScheduledExecutor());
                },
                getMainThreadExecutor());
    }

    private static <T> CompletableFuture<T> archivedOrFailure(T archived, JobId jobId) {
        return archived != null
                ? CompletableFuture.completedFuture(archived)
                : CompletableFuture.failedFuture(new IllegalStateException(
                        "Job " + jobId + " has ended and its details could not be kept (see the JobManager log)"));
    }

    private CompletableFuture<JobMasterGateway> jobMasterGateway(JobEntry entry) {
        return getRpcService()
                .connect(entry.jobMaster.getAddress(), entry.jobMaster.getFencingToken(), JobMasterGateway.class);
    }

    @Override
    public CompletableFuture<JobDetailsInfo> requestJobDetails(JobId jobId) {
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        if (entry.archiving != null) {
            return entry.archiving.thenCompose(ignored -> archivedOrFailure(entry.archivedDetails, jobId));
        }
        return jobMasterGateway(entry).thenCompose(JobMasterGateway::requestJobDetails);
    }

    @Override
    public CompletableFuture<JobExceptionsInfo> requestJobExceptions(JobId jobId) {
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        if (entry.archiving != null) {
            return entry.archiving.thenCompose(ignored -> archivedOrFailure(entry.archivedExceptions, jobId));
        }
        return jobMasterGateway(entry).thenCompose(JobMasterGateway::requestJobExceptions);
    }

    @Override
    public CompletableFuture<List<Long>> requestVertexWatermarks(JobId jobId, String vertexId) {
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        if (entry.archiving != null) {
            return CompletableFuture.completedFuture(List.of()); // as Flink's metrics of an ended job
        }
        return jobMasterGateway(entry)
                .thenCompose(gateway -> gateway.requestVertexWatermarks(vertexId))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(unknownVertexAsOwn(failure)));
    }

    /**
     * The JobMaster's "vertex is not known" (an IllegalArgumentException there, a RemoteRpcException
     * here) as the Dispatcher's own, like its unknown job: REST answers both with 404.
     */
    private static Throwable unknownVertexAsOwn(Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof RemoteRpcException remote
                && IllegalArgumentException.class.getName().equals(remote.getRemoteClassName())) {
            return new IllegalArgumentException(remote.getMessage());
        }
        return cause;
    }

    @Override
    public CompletableFuture<ClusterOverview> requestClusterOverview() {
        int running = 0;
        int finished = 0;
        int cancelled = 0;
        int failed = 0;
        for (JobEntry entry : jobs.values()) {
            JobStatus status = entry.result == null ? JobStatus.RUNNING : entry.result.status();
            switch (status) {
                case FINISHED -> finished++;
                case CANCELED -> cancelled++;
                case FAILED -> failed++;
                default -> running++;
            }
        }
        int jobsRunning = running;
        int jobsFinished = finished;
        int jobsCancelled = cancelled;
        int jobsFailed = failed;
        return requestResourceOverview()
                .thenApply(resources -> new ClusterOverview(
                        resources.numberOfTaskManagers(),
                        resources.numberOfSlots(),
                        resources.numberOfFreeSlots(),
                        jobsRunning,
                        jobsFinished,
                        jobsCancelled,
                        jobsFailed));
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
        return resourceManagerGateway().thenCompose(ResourceManagerGateway::requestTaskManagerInfo);
    }

    private CompletableFuture<ResourceManagerGateway> resourceManagerGateway() {
        return getRpcService()
                .connect(
                        jobMasterSettings.resourceManagerAddress(),
                        FencingTokens.DEFAULT_LEADER_ID,
                        ResourceManagerGateway.class);
    }

    @Override
    public CompletableFuture<List<JobDetails>> listJobs() {
        List<JobDetails> details = new ArrayList<>();
        for (JobEntry entry : jobs.values()) {
            details.add(details(entry));
        }
        return CompletableFuture.completedFuture(details);
    }

    private JobDetails details(JobEntry entry) {
        JobStatus status = entry.result != null ? entry.result.status() : JobStatus.RUNNING;
        int tasks = entry.jobGraph.vertices().stream()
                .mapToInt(v -> v.parallelism())
                .sum();
        return new JobDetails(
                entry.jobGraph.jobId(), entry.jobGraph.jobName(), status, entry.startTime, entry.endTime, tasks);
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobId jobId) {
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        if (entry.result != null) {
            return CompletableFuture.completedFuture(entry.result.status());
        }
        return jobMasterGateway(entry).thenCompose(JobMasterGateway::requestJobStatus);
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobId jobId, Duration timeout) {
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        return entry.jobMaster.getResultFuture();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobId jobId, String targetDirectory, boolean cancelJob) {
        return runningJobMaster(jobId).thenCompose(gateway -> gateway.triggerSavepoint(targetDirectory, cancelJob));
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(JobId jobId, String targetDirectory, boolean drain) {
        return runningJobMaster(jobId).thenCompose(gateway -> gateway.stopWithSavepoint(targetDirectory, drain));
    }

    @Override
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats(JobId jobId) {
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        if (entry.archiving != null) {
            return entry.archiving.thenCompose(ignored -> archivedOrFailure(entry.archivedCheckpoints, jobId));
        }
        return jobMasterGateway(entry).thenCompose(JobMasterGateway::requestCheckpointStats);
    }

    /** The JobMaster of a job that has not ended, for requests only a running job can answer. Main thread. */
    private CompletableFuture<JobMasterGateway> runningJobMaster(JobId jobId) {
        validateRunsInMainThread();
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        if (entry.result != null) {
            return CompletableFuture.failedFuture(notRunning(entry));
        }
        return jobMasterGateway(entry);
    }

    private static IllegalStateException notRunning(JobEntry entry) {
        return new IllegalStateException("Job " + entry.result.jobId() + " is " + entry.result.status()
                + "; only a RUNNING job can take a savepoint.");
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobId jobId) {
        validateRunsInMainThread();
        JobEntry entry = jobs.get(jobId);
        if (entry == null) {
            return CompletableFuture.failedFuture(unknownJob(jobId));
        }
        if (entry.result != null) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("Cancelling job {}", jobId);
        return jobMasterGateway(entry).thenCompose(JobMasterGateway::cancel);
    }

    @Override
    public CompletableFuture<ResourceOverview> requestResourceOverview() {
        return resourceManagerGateway().thenCompose(ResourceManagerGateway::requestResourceOverview);
    }

    private static IllegalArgumentException unknownJob(JobId jobId) {
        return new IllegalArgumentException("Job " + jobId + " is not known to this cluster.");
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (JobEntry entry : jobs.values()) {
            stops.add(entry.jobMaster.closeAsync());
        }
        return CompletableFuture.allOf(stops.toArray(new CompletableFuture[0]));
    }
}
