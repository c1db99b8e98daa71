package io.floe.runtime.highavailability;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The coordination part of high availability for one cluster: how its JobManagers elect a leader
 * and how TaskManagers and clients find it. The durable data (job graphs, checkpoint records, job
 * results, blobs) lives under {@code high-availability.storageDir}, see {@link DurableStorageFactory}.
 * Implementations are found with {@link java.util.ServiceLoader} by {@link HighAvailabilityServicesFactory#type()};
 * Floe's {@code zookeeper} implementation is the module {@code floe-ha-zookeeper}.
 */
public interface HighAvailabilityServices extends AutoCloseable {
    /**
     * The election this JobManager takes part in.
     *
     * @param clusterIdentity the same for every JobManager of this cluster and different for any
     *     other (derived from the cluster secret), so that two clusters given one cluster id are
     *     told apart; null: not checked
     * @throws io.floe.configuration.IllegalConfigurationException if another cluster uses this
     *     cluster id
     */
    LeaderElection leaderElection(String clusterIdentity);

    /** Where the leader is now; also tells listeners when it changes. */
    LeaderRetrieval leaderRetrieval();

    /** Disconnects; a leader's term ends with it. */
    @Override
    void close();

    /**
     * The services for the configured {@code high-availability.type}, connected.
     *
     * @throws IllegalConfigurationException if no implementation of that type is on the classpath,
     *     or as {@link HighAvailabilityServicesFactory#create}
     */
    static HighAvailabilityServices create(Configuration configuration) {
        String type = configuration.get(ClusterOptions.HA_TYPE).trim().toLowerCase(Locale.ROOT);
        for (HighAvailabilityServicesFactory factory : ServiceLoader.load(
                HighAvailabilityServicesFactory.class, HighAvailabilityServices.class.getClassLoader())) {
            if (factory.type().equals(type)) {
                return factory.create(configuration);
            }
        }
        throw new IllegalConfigurationException(ClusterOptions.HA_TYPE.key() + " is " + type
                + ", but its implementation is not on the classpath: add floe-ha-" + type
                + " (the distribution's lib/ has it).");
    }
}
