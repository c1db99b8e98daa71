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
    YARN;

    /**
     * The configured mode.
     *
     * @throws IllegalConfigurationException as {@link #parse} does, and for {@code yarn} without
     *     {@code high-availability.storageDir}
     */
    public static HighAvailabilityMode of(Configuration configuration) {
        HighAvailabilityMode mode = parse(configuration.get(ClusterOptions.HA_TYPE));
        if (mode == YARN && configuration.get(ClusterOptions.HA_STORAGE_DIR) == null) {
            throw new IllegalConfigurationException(ClusterOptions.HA_TYPE.key() + ": yarn needs "
                    + ClusterOptions.HA_STORAGE_DIR.key() + ", the directory where the leader is published.");
        }
        return mode;
    }

    /**
     * A value of {@code high-availability.type}, case-insensitive.
     *
     * @throws IllegalConfigurationException for an unknown value and for {@code zookeeper} (not built yet)
     */
    public static HighAvailabilityMode parse(String type) {
        String value = type.trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "yarn" -> YARN;
            case "zookeeper" ->
                throw new IllegalConfigurationException(ClusterOptions.HA_TYPE.key()
                        + ": zookeeper is not available in this version of Floe; on YARN use yarn"
                        + " (set yarn.application-attempts above 1), or NONE.");
            default ->
                throw new IllegalConfigurationException(
                        ClusterOptions.HA_TYPE.key() + " must be NONE or yarn, not '" + value + "'.");
        };
    }
}
