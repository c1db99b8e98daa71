package io.floe.client.deployment;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.highavailability.HighAvailabilityMode;
import io.floe.runtime.highavailability.HighAvailabilityServices;
import io.floe.runtime.highavailability.LeaderRetrieval;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code high-availability.type: zookeeper}, sends {@code floe run}, {@code list},
 * {@code cancel}, ... to the JobManager that leads now, as ZooKeeper says, so no {@code -m} is
 * needed and a failover needs no new address.
 */
public final class HighAvailabilityClusterLocator implements ClusterLocator {
    private static final Logger LOG = LoggerFactory.getLogger(HighAvailabilityClusterLocator.class);

    @Override
    public void applyDefaults(Configuration configuration, Map<String, String> environment) {
        if (!configuration.contains(CoreOptions.TARGET) && electsLeader(configuration)) {
            configuration.set(CoreOptions.TARGET, "remote");
        }
    }

    @Override
    public Optional<ClusterEndpoint> endpoint(Configuration configuration, Map<String, String> environment)
            throws Exception {
        if (!electsLeader(configuration) || !"remote".equals(configuration.get(CoreOptions.TARGET))) {
            return Optional.empty();
        }
        URI rest = leaderRestUrl(configuration);
        // the remote executor submits to rest.address and rest.port
        configuration.set(ClusterOptions.REST_ADDRESS, rest.getHost());
        configuration.set(ClusterOptions.REST_PORT, rest.getPort());
        return Optional.of(new ClusterEndpoint(
                rest.getHost(), rest.getPort(), ClusterSecretCredential.authorization(configuration, environment)));
    }

    private static boolean electsLeader(Configuration configuration) {
        return HighAvailabilityMode.parse(configuration.get(ClusterOptions.HA_TYPE)) == HighAvailabilityMode.ZOOKEEPER;
    }

    private static URI leaderRestUrl(Configuration configuration) throws Exception {
        String url = currentLeaderRestUrl(configuration);
        if (url == null) {
            throw new IllegalStateException("No JobManager leads the cluster "
                    + configuration.get(ClusterOptions.HA_CLUSTER_ID) + " in ZooKeeper at "
                    + configuration.get(ClusterOptions.HA_ZOOKEEPER_QUORUM)
                    + " now: is it running (start-cluster.sh)? If it just failed over, retry in a few seconds.");
        }
        return URI.create(url);
    }

    /** With {@code high-availability.type: zookeeper}, the leader's REST URL now (null if none leads); else null. */
    static String currentLeaderRestUrl(Configuration configuration) throws Exception {
        if (!electsLeader(configuration)) {
            return null;
        }
        try (HighAvailabilityServices services = HighAvailabilityServices.create(configuration)) {
            LeaderRetrieval.Leader leader = services.leaderRetrieval().current();
            if (leader == null) {
                return null;
            }
            LOG.info("The JobManager that leads is at {} ({})", leader.restUrl(), services.leaderRetrieval());
            return leader.restUrl();
        }
    }
}
