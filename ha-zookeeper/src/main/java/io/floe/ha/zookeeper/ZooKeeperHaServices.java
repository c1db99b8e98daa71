package io.floe.ha.zookeeper;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.runtime.highavailability.HighAvailabilityServices;
import io.floe.runtime.highavailability.LeaderElection;
import io.floe.runtime.highavailability.LeaderRetrieval;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;

/**
 * One Curator client to {@code high-availability.zookeeper.quorum} and this cluster's nodes under
 * {@code <path.root>/<cluster-id>}. Thread-safe.
 */
final class ZooKeeperHaServices implements HighAvailabilityServices {
    private final CuratorFramework client;
    private final ZooKeeperPaths paths;
    private final String quorum;
    private final Duration connectionTimeout;
    private ZooKeeperLeaderRetrieval retrieval;
    private final List<ZooKeeperLeaderElection> elections = new ArrayList<>();

    private ZooKeeperHaServices(
            CuratorFramework client, ZooKeeperPaths paths, String quorum, Duration connectionTimeout) {
        this.client = client;
        this.paths = paths;
        this.quorum = quorum;
        this.connectionTimeout = connectionTimeout;
    }

    /**
     * Connects, waiting at most {@code high-availability.zookeeper.client.connection-timeout}.
     *
     * @throws IllegalConfigurationException naming the quorum when it is missing, malformed or does
     *     not answer in time
     */
    static ZooKeeperHaServices connect(Configuration configuration) {
        String quorum = configuration.get(ClusterOptions.HA_ZOOKEEPER_QUORUM);
        if (quorum == null || quorum.isBlank()) {
            throw new IllegalConfigurationException("high-availability.type: zookeeper needs "
                    + ClusterOptions.HA_ZOOKEEPER_QUORUM.key() + " (host:port,host:port,...).");
        }
        Duration connectionTimeout = configuration.get(ClusterOptions.HA_ZOOKEEPER_CONNECTION_TIMEOUT);
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(quorum.trim())
                .sessionTimeoutMs(millis(configuration.get(ClusterOptions.HA_ZOOKEEPER_SESSION_TIMEOUT)))
                .connectionTimeoutMs(millis(connectionTimeout))
                .retryPolicy(new ExponentialBackoffRetry(
                        millis(configuration.get(ClusterOptions.HA_ZOOKEEPER_RETRY_WAIT)),
                        configuration.get(ClusterOptions.HA_ZOOKEEPER_MAX_RETRY_ATTEMPTS)))
                .build();
        boolean connected;
        try {
            client.start();
            connected = client.blockUntilConnected(millis(connectionTimeout), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to ZooKeeper at " + quorum, e);
        } catch (RuntimeException e) { // a malformed connect string
            client.close();
            throw new IllegalConfigurationException(ClusterOptions.HA_ZOOKEEPER_QUORUM.key() + " '" + quorum
                    + "' is not a ZooKeeper quorum (host:port,host:port,...): " + e.getMessage());
        }
        if (!connected) {
            client.close();
            throw new IllegalConfigurationException("ZooKeeper at " + quorum + " ("
                    + ClusterOptions.HA_ZOOKEEPER_QUORUM.key() + ") did not answer within "
                    + connectionTimeout.toSeconds() + " s: start it, or correct the key.");
        }
        return new ZooKeeperHaServices(client, ZooKeeperPaths.of(configuration), quorum.trim(), connectionTimeout);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    @Override
    public LeaderElection leaderElection(String clusterIdentity) {
        if (clusterIdentity != null) {
            claimClusterId(clusterIdentity.getBytes(StandardCharsets.UTF_8));
        }
        ZooKeeperLeaderElection election = new ZooKeeperLeaderElection(client, paths);
        synchronized (this) {
            elections.add(election);
        }
        return election;
    }

    /** Records which cluster uses this cluster id, or refuses when another one does. */
    private void claimClusterId(byte[] identity) {
        try {
            try {
                client.create().creatingParentsIfNeeded().forPath(paths.owner(), identity);
                return;
            } catch (KeeperException.NodeExistsException e) {
                // claimed before: by this cluster (a restart, another JobManager of it) or by another one
            }
            if (!Arrays.equals(identity, client.getData().forPath(paths.owner()))) {
                throw new IllegalConfigurationException(ClusterOptions.HA_CLUSTER_ID.key() + " leads to "
                        + paths.cluster() + " in ZooKeeper at " + quorum
                        + ", which JobManagers with another cluster secret use: if this JobManager belongs to"
                        + " that cluster, give it the same conf/cluster-secret as the others; otherwise give"
                        + " this cluster its own " + ClusterOptions.HA_CLUSTER_ID.key() + ".");
            }
        } catch (IllegalConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot read " + paths.owner() + " in ZooKeeper at " + quorum + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized LeaderRetrieval leaderRetrieval() {
        if (retrieval == null) {
            retrieval = ZooKeeperLeaderRetrieval.start(client, paths, quorum, connectionTimeout);
        }
        return retrieval;
    }

    /** Makes ZooKeeper expire this client's session now, as a long pause would (tests). */
    void expireSessionForTest() throws Exception {
        client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    }

    @Override
    public synchronized void close() {
        elections.forEach(ZooKeeperLeaderElection::close); // (their terms end before the session does)
        if (retrieval != null) {
            retrieval.close();
        }
        client.close();
    }
}
