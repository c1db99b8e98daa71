package io.floe.runtime.webmonitor;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import java.util.List;
import java.util.Map;

/**
 * A job in detail for REST {@code /jobs/:jobid}. {@code endTime} is -1 while it runs;
 * {@code timestamps} maps each {@link JobStatus} name the job went through to when it did.
 */
public record JobDetailsInfo(
        JobId jobId,
        String name,
        JobStatus status,
        long startTime,
        long endTime,
        List<JobVertexInfo> vertices,
        Map<String, Long> timestamps) {}
