package io.floe.runtime.webmonitor;

/** Counts for the REST {@code /overview}: TaskManagers, slots, and jobs by state. */
public record ClusterOverview(
        int taskManagers,
        int slotsTotal,
        int slotsAvailable,
        int jobsRunning,
        int jobsFinished,
        int jobsCancelled,
        int jobsFailed) {}
