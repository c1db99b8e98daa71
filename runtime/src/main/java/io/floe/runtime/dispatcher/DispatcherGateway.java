package io.floe.runtime.dispatcher;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rpc.RpcGateway;
import io.floe.runtime.rpc.RpcTimeout;
import io.floe.runtime.webmonitor.ClusterOverview;
import io.floe.runtime.webmonitor.JobDetails;
import io.floe.runtime.webmonitor.JobDetailsInfo;
import io.floe.runtime.webmonitor.JobExceptionsInfo;
import io.floe.runtime.webmonitor.ResourceOverview;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The JobManager's front door: clients and the REST API submit, list, watch and cancel jobs here. */
public interface DispatcherGateway extends RpcGateway {
    /** Accepts the job and starts its JobMaster; fails if a job with this id is known already. */
    CompletableFuture<Void> submitJob(JobGraph jobGraph, @RpcTimeout Duration timeout);

    CompletableFuture<List<JobDetails>> listJobs();

    /** Fails with an error naming the id when the job is unknown. */
    CompletableFuture<JobStatus> requestJobStatus(JobId jobId);

    /** Completes when the job has ended; answers at once for a finished job. */
    CompletableFuture<JobResult> requestJobResult(JobId jobId, @RpcTimeout Duration timeout);

    CompletableFuture<Void> cancelJob(JobId jobId);

    CompletableFuture<ResourceOverview> requestResourceOverview();

    /** TaskManagers, slots and jobs by state, for REST {@code /overview}. */
    CompletableFuture<ClusterOverview> requestClusterOverview();

    /** Every registered TaskManager, for REST {@code /taskmanagers}. */
    CompletableFuture<List<TaskManagerInfo>> requestTaskManagers();

    /** Fails with an error naming the id when the job is unknown. */
    CompletableFuture<JobDetailsInfo> requestJobDetails(JobId jobId);

    /** Fails with an error naming the id when the job is unknown. */
    CompletableFuture<JobExceptionsInfo> requestJobExceptions(JobId jobId);

    /**
     * The input watermark of each subtask of a vertex of a running job (an ended job's are gone:
     * empty); fails with an error naming the id when the job or, for a running job, the vertex is
     * unknown.
     */
    CompletableFuture<List<Long>> requestVertexWatermarks(JobId jobId, String vertexId);

    /** Takes a savepoint of a running job (then cancels it if asked); answers the savepoint's path. */
    CompletableFuture<String> triggerSavepoint(JobId jobId, String targetDirectory, boolean cancelJob);

    /** Takes a savepoint after which the job finishes; answers the savepoint's path. */
    CompletableFuture<String> stopWithSavepoint(JobId jobId, String targetDirectory, boolean drain);

    /** The job's checkpoint statistics, also once it ended. */
    CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats(JobId jobId);
}
