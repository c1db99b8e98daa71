package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 answer to {@code POST /jobs}: where to watch the job, {@code /jobs/<id>}. */
public record JobSubmitResponseBody(@JsonProperty("jobUrl") String jobUrl) {}
