package io.floe.runtime.webmonitor;

/** The ResourceManager's view of the cluster. */
public record ResourceOverview(int numberOfTaskManagers, int numberOfSlots, int numberOfFreeSlots) {}
