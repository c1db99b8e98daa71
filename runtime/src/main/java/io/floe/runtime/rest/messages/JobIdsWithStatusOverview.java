package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /jobs}: every job's id and status. */
public record JobIdsWithStatusOverview(@JsonProperty("jobs") List<JobIdWithStatus> jobs) {

    /** One job: its id (32 hex digits) and {@link io.floe.api.JobStatus} name. */
    public record JobIdWithStatus(@JsonProperty("id") String id, @JsonProperty("status") String status) {}
}
