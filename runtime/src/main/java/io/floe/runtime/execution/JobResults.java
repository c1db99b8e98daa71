package io.floe.runtime.execution;

import io.floe.api.JobExecutionException;
import io.floe.api.JobExecutionResult;
import io.floe.api.JobStatus;

/** Turns how a job ended into what {@code execute()} returns or throws. */
public final class JobResults {
    private JobResults() {}

    public static JobExecutionResult toExecutionResult(JobResult result) throws JobExecutionException {
        if (result.status() == JobStatus.FINISHED) {
            return new JobExecutionResult(result.jobId(), result.netRuntimeMillis());
        }
        String job = "Job '" + result.jobName() + "' (" + result.jobId() + ")";
        if (result.status() == JobStatus.FAILED) {
            ErrorInfo error = result.error() != null
                    ? result.error()
                    : new ErrorInfo(IllegalStateException.class.getName(), "unknown cause", "");
            throw new JobExecutionException(
                    result.jobId(), result.status(), job + " failed: " + error, error.toException());
        }
        throw new JobExecutionException(result.jobId(), result.status(), job + " ended " + result.status() + ".", null);
    }
}
