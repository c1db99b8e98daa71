package io.floe.runtime.webmonitor;

import io.floe.api.JobId;
import io.floe.api.JobStatus;

/** A job as listed by the Dispatcher. {@code endTime} is -1 while it runs. */
public record JobDetails(
        JobId jobId, String jobName, JobStatus status, long startTime, long endTime, int numberOfTasks) {}
