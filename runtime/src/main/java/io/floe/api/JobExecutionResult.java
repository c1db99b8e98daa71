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

    /** The result of a detached submission: the job id is known, the outcome is not. */
    public static JobExecutionResult detached(JobId jobId) {
        return new JobExecutionResult(jobId, -1);
    }

    public JobId getJobId() {
        return jobId;
    }

    /** Whether the job was submitted detached, so that no runtime is known. */
    public boolean isDetached() {
        return netRuntimeMillis < 0;
    }

    /**
     * Time from the job's start to its end, in milliseconds.
     *
     * @throws IllegalStateException for a detached submission, which does not wait for the end
     */
    public long getNetRuntime() {
        if (isDetached()) {
            throw new IllegalStateException("Job " + jobId + " was submitted detached; its runtime is not known here.");
        }
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(getNetRuntime(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms}";
    }
}
