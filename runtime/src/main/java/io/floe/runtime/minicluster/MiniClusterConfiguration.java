package io.floe.runtime.minicluster;

import io.floe.configuration.Configuration;

/** A MiniCluster's shape: how many TaskManagers with how many slots each, and the cluster's settings. */
public record MiniClusterConfiguration(int numberOfTaskManagers, int slotsPerTaskManager, Configuration configuration) {
    public MiniClusterConfiguration {
        if (numberOfTaskManagers < 1) {
            throw new IllegalArgumentException(
                    "A MiniCluster needs at least one TaskManager, not " + numberOfTaskManagers);
        }
        if (slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("A TaskManager needs at least one slot, not " + slotsPerTaskManager);
        }
    }
}
