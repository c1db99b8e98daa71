package io.floe.runtime.highavailability;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import java.io.IOException;

/**
 * How the jobs that ended for good ended, kept durably beside the job graphs: a job is written
 * here when it reaches FINISHED, FAILED or CANCELED, before its checkpoint record goes and before
 * its graph is removed, so that a JobManager that crashed in between is not followed by one that
 * runs the job again. Implementations are thread-safe and block on I/O.
 */
public interface JobResultStore {
    /** No store: no other JobManager recovers jobs. */
    JobResultStore NONE = new JobResultStore() {
        @Override
        public void markEnded(JobId jobId, JobStatus status) {}

        @Override
        public JobStatus endedAs(JobId jobId) {
            return null;
        }

        @Override
        public String toString() {
            return "no job result store";
        }
    };

    /** Records that the job ended with {@code status} (globally terminal); durable on return. */
    void markEnded(JobId jobId, JobStatus status) throws IOException;

    /** How the job ended, or null if it has not been recorded as ended. */
    JobStatus endedAs(JobId jobId) throws IOException;
}
