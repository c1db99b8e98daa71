package io.floe.runtime.messages;

/** The ResourceManager's view of the cluster. */
public record ResourceOverview(int numberOfTaskManagers, int numberOfSlots, int numberOfFreeSlots) {}
