package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /jobs/:jobid/status}: the {@link io.floe.api.JobStatus} name. */
public record JobStatusInfo(@JsonProperty("status") String status) {}
