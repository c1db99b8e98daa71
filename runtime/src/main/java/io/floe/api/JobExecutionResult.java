package io.floe.api;

import java.util.concurrent.TimeUnit;

/** What {@code execute()} returns once a job has finished. */
public final class JobExecutionResult {
    private final JobId jobId;
    private final long netRuntimeMillis;

    public JobExecutionResult(JobId jobId, long netRuntimeMillis) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
    }

    public JobId getJobId() { return jobId; }

    /** Time from the job's start to its end, in milliseconds. */
    public long getNetRuntime() { return netRuntimeMillis; }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms}";
    }
}
