package io.floe.runtime.execution;

import io.floe.api.JobId;
import io.floe.api.JobStatus;

/** How a job ended: FINISHED, FAILED (with the error) or CANCELED, and how long it ran. */
public record JobResult(JobId jobId, String jobName, JobStatus status, long netRuntimeMillis, ErrorInfo error) {}
