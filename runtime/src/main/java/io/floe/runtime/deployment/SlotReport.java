package io.floe.runtime.deployment;

import java.util.List;

/** Every slot of a TaskManager; the ResourceManager reconciles its view with it on each heartbeat. */
public record SlotReport(List<SlotStatus> slots) {}
