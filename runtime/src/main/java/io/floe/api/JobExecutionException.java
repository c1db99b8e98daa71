package io.floe.api;

/**
 * A job ended without success. The cause is the exception that failed it, as thrown by user code
 * in the task (its class name and message are kept even where the class is not loadable here).
 */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final JobId jobId;
    private final JobStatus status;

    public JobExecutionException(JobId jobId, JobStatus status, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.status = status;
    }

    public JobId getJobId() {
        return jobId;
    }

    public JobStatus getStatus() {
        return status;
    }
}
