package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /overview}: TaskManagers, slots and jobs by state, plus the version. */
public record ClusterOverviewInfo(
        @JsonProperty("taskmanagers") int taskManagers,
        @JsonProperty("slots-total") int slotsTotal,
        @JsonProperty("slots-available") int slotsAvailable,
        @JsonProperty("jobs-running") int jobsRunning,
        @JsonProperty("jobs-finished") int jobsFinished,
        @JsonProperty("jobs-cancelled") int jobsCancelled,
        @JsonProperty("jobs-failed") int jobsFailed,
        @JsonProperty("flink-version") String version,
        @JsonProperty("flink-commit") String commit) {}
