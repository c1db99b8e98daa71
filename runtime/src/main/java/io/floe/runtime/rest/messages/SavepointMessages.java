package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The bodies of Flink's savepoint endpoints ({@code /jobs/:jobid/savepoints}, {@code /jobs/:jobid/stop}). */
public final class SavepointMessages {
    private SavepointMessages() {}

    /** {@code POST /jobs/:jobid/savepoints}; both fields may be left out. */
    public record TriggerRequest(
            @JsonProperty("target-directory") String targetDirectory, @JsonProperty("cancel-job") Boolean cancelJob) {}

    /** {@code POST /jobs/:jobid/stop}: Flink's field names (camel case here). */
    public record StopRequest(
            @JsonProperty("targetDirectory") String targetDirectory, @JsonProperty("drain") Boolean drain) {}

    /** The 202 answer to either: the id to poll {@code /jobs/:jobid/savepoints/:triggerid} with. */
    public record TriggerResponse(@JsonProperty("request-id") String requestId) {}

    /** {@code GET /jobs/:jobid/savepoints/:triggerid}: IN_PROGRESS, or COMPLETED with a location or a failure. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusResponse(
            @JsonProperty("status") Status status, @JsonProperty("operation") Operation operation) {}

    public record Status(@JsonProperty("id") String id) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(
            @JsonProperty("location") String location, @JsonProperty("failure-cause") FailureCause failureCause) {}

    public record FailureCause(
            @JsonProperty("class") String className, @JsonProperty("stack-trace") String stackTrace) {}
}
