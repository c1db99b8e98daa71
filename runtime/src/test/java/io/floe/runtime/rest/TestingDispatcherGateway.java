package io.floe.runtime.rest;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.dispatcher.DuplicateJobSubmissionException;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rpc.RemoteRpcException;
import io.floe.runtime.webmonitor.ClusterOverview;
import io.floe.runtime.webmonitor.ExceptionHistoryEntry;
import io.floe.runtime.webmonitor.JobDetails;
import io.floe.runtime.webmonitor.JobDetailsInfo;
import io.floe.runtime.webmonitor.JobExceptionsInfo;
import io.floe.runtime.webmonitor.JobVertexInfo;
import io.floe.runtime.webmonitor.ResourceOverview;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Dispatcher with canned data: jobs are added by tests (or by submission) and move between states
 * when a test says so. Unknown job ids fail as the real Dispatcher's do, locally or, after
 * {@link #failUnknownJobsRemotely()}, as they arrive over RPC. Thread-safe.
 */
public final class TestingDispatcherGateway implements DispatcherGateway {
    private final Map<JobId, TestingJob> jobs = new ConcurrentHashMap<>();
    private final List<JobGraph> submittedJobs = new CopyOnWriteArrayList<>();
    private final List<JobId> cancelledJobs = new CopyOnWriteArrayList<>();
    private final List<TaskManagerInfo> taskManagers = new CopyOnWriteArrayList<>();
    private volatile boolean remoteFailures;
    private volatile RuntimeException overviewFailure;

    /** One job as the fake knows it. */
    public static final class TestingJob {
        final JobId jobId;
        final String name;
        final int tasks;
        final long startTime;
        volatile JobStatus status = JobStatus.RUNNING;
        volatile long endTime = -1;
        volatile JobResult result;
        volatile List<JobVertexInfo> vertices = List.of();
        volatile List<ExceptionHistoryEntry> exceptions = List.of();
        /** What savepoint and stop requests answer; the default never completes (in progress). */
        volatile CompletableFuture<String> savepoint = new CompletableFuture<>();

        volatile CheckpointStatsSnapshot checkpoints;
        final List<String> savepointRequests = new CopyOnWriteArrayList<>();

        TestingJob(JobId jobId, String name, int tasks, long startTime) {
            this.jobId = jobId;
            this.name = name;
            this.tasks = tasks;
            this.startTime = startTime;
        }
    }

    public TestingJob addRunningJob(JobId jobId, String name, int tasks, long startTime) {
        TestingJob job = new TestingJob(jobId, name, tasks, startTime);
        jobs.put(jobId, job);
        return job;
    }

    public void setVertices(JobId jobId, List<JobVertexInfo> vertices) {
        job(jobId).vertices = List.copyOf(vertices);
    }

    public void setExceptions(JobId jobId, List<ExceptionHistoryEntry> exceptions) {
        job(jobId).exceptions = List.copyOf(exceptions);
    }

    /** What the next savepoint or stop request of the job answers. */
    public void setSavepointAnswer(JobId jobId, CompletableFuture<String> answer) {
        job(jobId).savepoint = answer;
    }

    public void setCheckpointStats(JobId jobId, CheckpointStatsSnapshot stats) {
        job(jobId).checkpoints = stats;
    }

    /** The savepoint requests of the job, as "savepoint <dir> cancel=<b>" or "stop <dir>". */
    public List<String> savepointRequests(JobId jobId) {
        return List.copyOf(job(jobId).savepointRequests);
    }

    /** Ends the job with a final status (and an error for FAILED). */
    public void endJob(JobId jobId, JobStatus status, long endTime, ErrorInfo error) {
        TestingJob job = job(jobId);
        job.endTime = endTime;
        job.result = new JobResult(jobId, job.name, status, endTime - job.startTime, error);
        job.status = status;
    }

    public void addTaskManager(TaskManagerInfo info) {
        taskManagers.add(info);
    }

    public void failUnknownJobsRemotely() {
        remoteFailures = true;
    }

    public void failClusterOverview(RuntimeException failure) {
        overviewFailure = failure;
    }

    public List<JobGraph> submittedJobs() {
        return List.copyOf(submittedJobs);
    }

    public List<JobId> cancelledJobs() {
        return List.copyOf(cancelledJobs);
    }

    private TestingJob job(JobId jobId) {
        TestingJob job = jobs.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("The test never added job " + jobId);
        }
        return job;
    }

    private <T> CompletableFuture<T> unknownJob(JobId jobId) {
        String message = "Job " + jobId + " is not known to this cluster.";
        if (remoteFailures) {
            return CompletableFuture.failedFuture(
                    new RemoteRpcException(IllegalArgumentException.class.getName(), message, "at somewhere"));
        }
        return CompletableFuture.failedFuture(new IllegalArgumentException(message));
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, Duration timeout) {
        if (jobs.containsKey(jobGraph.jobId())) {
            return CompletableFuture.failedFuture(new DuplicateJobSubmissionException(jobGraph.jobId()));
        }
        submittedJobs.add(jobGraph);
        addRunningJob(jobGraph.jobId(), jobGraph.jobName(), jobGraph.vertices().size(), System.currentTimeMillis());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<JobDetails>> listJobs() {
        List<JobDetails> details = new ArrayList<>();
        for (TestingJob job : jobs.values()) {
            details.add(new JobDetails(job.jobId, job.name, job.status, job.startTime, job.endTime, job.tasks));
        }
        return CompletableFuture.completedFuture(details);
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobId jobId) {
        TestingJob job = jobs.get(jobId);
        return job == null ? unknownJob(jobId) : CompletableFuture.completedFuture(job.status);
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobId jobId, Duration timeout) {
        TestingJob job = jobs.get(jobId);
        if (job == null) {
            return unknownJob(jobId);
        }
        JobResult result = job.result;
        // the real Dispatcher's future completes only when the job ends; the REST server must not wait for it
        return result == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobId jobId) {
        TestingJob job = jobs.get(jobId);
        if (job == null) {
            return unknownJob(jobId);
        }
        cancelledJobs.add(jobId);
        if (!job.status.isGloballyTerminal()) {
            job.status = JobStatus.CANCELLING;
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<ResourceOverview> requestResourceOverview() {
        int slots =
                taskManagers.stream().mapToInt(TaskManagerInfo::numberOfSlots).sum();
        int free = taskManagers.stream().mapToInt(TaskManagerInfo::freeSlots).sum();
        return CompletableFuture.completedFuture(new ResourceOverview(taskManagers.size(), slots, free));
    }

    @Override
    public CompletableFuture<ClusterOverview> requestClusterOverview() {
        RuntimeException failure = overviewFailure;
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        int running = 0;
        int finished = 0;
        int cancelled = 0;
        int failed = 0;
        for (TestingJob job : jobs.values()) {
            switch (job.status) {
                case FINISHED -> finished++;
                case CANCELED -> cancelled++;
                case FAILED -> failed++;
                default -> running++;
            }
        }
        ResourceOverview resources = requestResourceOverview().join();
        return CompletableFuture.completedFuture(new ClusterOverview(
                resources.numberOfTaskManagers(),
                resources.numberOfSlots(),
                resources.numberOfFreeSlots(),
                running,
                finished,
                cancelled,
                failed));
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
        return CompletableFuture.completedFuture(List.copyOf(taskManagers));
    }

    @Override
    public CompletableFuture<JobDetailsInfo> requestJobDetails(JobId jobId) {
        TestingJob job = jobs.get(jobId);
        if (job == null) {
            return unknownJob(jobId);
        }
        Map<String, Long> timestamps = new LinkedHashMap<>();
        timestamps.put(JobStatus.RUNNING.name(), job.startTime);
        if (job.endTime >= 0) {
            timestamps.put(job.status.name(), job.endTime);
        }
        return CompletableFuture.completedFuture(
                new JobDetailsInfo(jobId, job.name, job.status, job.startTime, job.endTime, job.vertices, timestamps));
    }

    @Override
    public CompletableFuture<List<Long>> requestVertexWatermarks(JobId jobId, String vertexId) {
        return jobs.containsKey(jobId)
                ? CompletableFuture.failedFuture(new UnsupportedOperationException("not faked"))
                : unknownJob(jobId);
    }

    @Override
    public CompletableFuture<JobExceptionsInfo> requestJobExceptions(JobId jobId) {
        TestingJob job = jobs.get(jobId);
        return job == null
                ? unknownJob(jobId)
                : CompletableFuture.completedFuture(new JobExceptionsInfo(job.exceptions));
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobId jobId, String targetDirectory, boolean cancelJob) {
        TestingJob job = jobs.get(jobId);
        if (job == null) {
            return unknownJob(jobId);
        }
        job.savepointRequests.add("savepoint " + targetDirectory + " cancel=" + cancelJob);
        return job.savepoint;
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(JobId jobId, String targetDirectory, boolean drain) {
        TestingJob job = jobs.get(jobId);
        if (job == null) {
            return unknownJob(jobId);
        }
        job.savepointRequests.add("stop " + targetDirectory + (drain ? " drain" : ""));
        return job.savepoint;
    }

    @Override
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats(JobId jobId) {
        TestingJob job = jobs.get(jobId);
        if (job == null) {
            return unknownJob(jobId);
        }
        return job.checkpoints == null
                ? CompletableFuture.failedFuture(new IllegalStateException("no checkpoint stats faked"))
                : CompletableFuture.completedFuture(job.checkpoints);
    }

    @Override
    public String getAddress() {
        return "localhost:0/testing-dispatcher";
    }

    @Override
    public String getHostname() {
        return "localhost";
    }
}
