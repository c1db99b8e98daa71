package io.floe.runtime.deployment;

/** What a TaskManager tells the ResourceManager when it registers. */
public record TaskExecutorRegistration(TaskManagerLocation location, int numberOfSlots, long memoryBytes) {}
