package io.floe.runtime.highavailability;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import java.util.Locale;

/** The values of {@code high-availability.type}. */
public enum HighAvailabilityMode {
    /** One JobManager at a known address. */
    NONE,
    /** The running YARN application attempt leads; its address is published under the storage directory. */
    YARN,
    /** Standby JobManagers elect a leader through ZooKeeper ({@code high-availability.zookeeper.quorum}). */
    ZOOKEEPER;

    /**
     * The configured mode.
     *
     * @throws IllegalConfigurationException as {@link #parse} does, for {@code yarn} or {@code zookeeper}
     *     without {@code high-availability.storageDir}, and for {@code zookeeper} without a quorum
     */
    public static HighAvailabilityMode of(Configuration configuration) {
        HighAvailabilityMode mode = parse(configuration.get(ClusterOptions.HA_TYPE));
        if (mode == YARN && configuration.get(ClusterOptions.HA_STORAGE_DIR) == null) {
            throw new IllegalConfigurationException(ClusterOptions.HA_TYPE.key() + ": yarn needs "
                    + ClusterOptions.HA_STORAGE_DIR.key() + ", the directory where the leader is published.");
        }
        if (mode == ZOOKEEPER && configuration.get(ClusterOptions.HA_STORAGE_DIR) == null) {
            throw new IllegalConfigurationException(ClusterOptions.HA_TYPE.key() + ": zookeeper needs "
                    + ClusterOptions.HA_STORAGE_DIR.key()
                    + ", a directory every JobManager can reach (hdfs://...), for job graphs and checkpoint records.");
        }
        if (mode == ZOOKEEPER && configuration.get(ClusterOptions.HA_ZOOKEEPER_QUORUM) == null) {
            throw new IllegalConfigurationException(ClusterOptions.HA_TYPE.key() + ": zookeeper needs "
                    + ClusterOptions.HA_ZOOKEEPER_QUORUM.key() + " (host:port,host:port,...).");
        }
        return mode;
    }

    /**
     * A value of {@code high-availability.type}, case-insensitive.
     *
     * @throws IllegalConfigurationException for an unknown value
     */
    public static HighAvailabilityMode parse(String type) {
        String value = type.trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "yarn" -> YARN;
            case "zookeeper" -> ZOOKEEPER;
            default ->
                throw new IllegalConfigurationException(
                        ClusterOptions.HA_TYPE.key() + " must be NONE, zookeeper or yarn, not '" + value + "'.");
        };
    }
}
