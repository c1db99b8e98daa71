package io.floe.runtime.deployment;

import io.floe.runtime.types.ResourceId;

/** Where a TaskManager answers RPC and serves data. */
public record TaskManagerLocation(ResourceId resourceId, String rpcAddress, String dataHost, int dataPort) {}
