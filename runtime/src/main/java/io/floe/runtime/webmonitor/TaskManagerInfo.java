package io.floe.runtime.webmonitor;

import io.floe.runtime.types.ResourceId;

/** A registered TaskManager as the ResourceManager knows it; {@code lastHeartbeat} is epoch millis. */
public record TaskManagerInfo(
        ResourceId resourceId,
        String rpcAddress,
        String dataHost,
        int dataPort,
        long lastHeartbeat,
        int numberOfSlots,
        int freeSlots) {}
