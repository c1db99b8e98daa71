package io.floe.runtime.dispatcher;

import io.floe.api.JobId;

/** A job was submitted whose id the Dispatcher already has (Flink's name); REST answers it with 409. */
public class DuplicateJobSubmissionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public DuplicateJobSubmissionException(JobId jobId) {
        super("Job " + jobId + " was submitted already; a job id is submitted once (submit the job again to get a new one).");
    }
}
