package io.floe.runtime.entrypoint;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.highavailability.DurableStorage;
import io.floe.runtime.highavailability.HighAvailabilityServices;
import io.floe.runtime.highavailability.LeaderElection;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.highavailability.LeadershipLostException;
import io.floe.runtime.rest.StandbyRestEndpoint;
import io.floe.runtime.security.ClusterSecret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JobManager that is one of several ({@code high-availability.type: zookeeper}): it stands by,
 * its REST port sending clients to the leader, until it is elected; then it starts the cluster's
 * services ({@link JobManagerServices}, fenced by this leadership), publishes their addresses and
 * recovers every job the last leader left, each from its latest checkpoint. When leadership is lost
 * (the leader's ZooKeeper session expired) the services stop without ending any job (they are
 * suspended, for the next leader to resume) and the process stands by again.
 */
final class ElectedJobManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ElectedJobManager.class);

    private final Configuration configuration;
    private final ClusterSecret secret;
    private final HighAvailabilityServices highAvailability;
    private final LeaderElection election;
    private final Thread campaign;
    private final CompletableFuture<Void> shutdownRequest = new CompletableFuture<>();
    private StandbyRestEndpoint standby;
    private JobManagerServices services;
    private volatile boolean closed;

    private ElectedJobManager(Configuration configuration, ClusterSecret secret) {
        this.configuration = new Configuration(configuration);
        // the TaskManagers find the leader's RPC port through ZooKeeper, so standbys on one host do not collide
        this.configuration.set(ClusterOptions.JOB_MANAGER_PORT, configuration.get(ClusterOptions.HA_JOB_MANAGER_PORT));
        this.secret = secret;
        DurableStorage.checkWritable(configuration); // before the election: a leader that cannot write is no use
        this.highAvailability = HighAvailabilityServices.create(configuration);
        try {
            this.election = highAvailability.leaderElection(identity(secret));
            standBy();
        } catch (RuntimeException e) {
            highAvailability.close();
            throw e;
        }
        this.campaign = new Thread(this::campaign, "floe-leader-election");
    }

    /**
     * Connects to the coordination service and takes part in the election in the background.
     *
     * @throws RuntimeException with one line for the user if the service cannot be reached or the
     *     cluster id belongs to another cluster
     */
    static ElectedJobManager start(Configuration configuration, ClusterSecret secret) {
        ElectedJobManager jobManager = new ElectedJobManager(configuration, secret);
        jobManager.campaign.start();
        return jobManager;
    }

    /** What tells this cluster's JobManagers from another's that uses the same cluster id: a digest of the secret. */
    private static String identity(ClusterSecret secret) {
        if (secret == null) {
            return null;
        }
        return HexFormat.of().formatHex(secret.hmac("floe-cluster-identity".getBytes(StandardCharsets.UTF_8)));
    }

    /** Completes when a client asked the leader to shut the cluster down ({@code DELETE /cluster}). */
    CompletableFuture<Void> shutdownRequest() {
        return shutdownRequest;
    }

    private synchronized void standBy() {
        if (!closed) {
            standby = StandbyRestEndpoint.start(
                    configuration.get(ClusterOptions.REST_BIND_ADDRESS),
                    configuration.get(ClusterOptions.REST_PORT),
                    "http://" + configuration.get(ClusterOptions.REST_ADDRESS) + ":"
                            + configuration.get(ClusterOptions.REST_PORT),
                    highAvailability.leaderRetrieval());
        }
    }

    private void campaign() {
        try {
            while (!closed) {
                LeaderElection.Leadership leadership = election.awaitLeadership();
                try {
                    lead(leadership);
                } catch (RuntimeException e) {
                    if (!leadership.lost().isDone() && !(e.getCause() instanceof LeadershipLostException)) {
                        throw e; // (holding on to the leadership would keep every standby out)
                    }
                    LOG.warn("This JobManager lost its leadership while taking over: {}", e.getMessage());
                }
                leadership.lost().join();
                LOG.warn("This JobManager lost its leadership: its jobs are suspended for the next leader");
                synchronized (this) {
                    if (services != null) {
                        services.close();
                        services = null;
                    }
                }
                standBy();
            }
        } catch (InterruptedException e) {
            // closed
        } catch (Throwable e) { // a JobManager that can neither lead nor stand by must not hold its place
            if (!closed) {
                LOG.error("This JobManager can no longer take part in the leader election; it stops", e);
                System.exit(1);
            }
        }
    }

    private synchronized void lead(LeaderElection.Leadership leadership) {
        if (closed || leadership.lost().isDone()) {
            return;
        }
        LOG.info("This JobManager leads the cluster now (leadership {})", leadership.token());
        if (standby != null) {
            standby.close();
            standby = null;
        }
        services = JobManagerServices.start(configuration, secret, null, leadership);
        services.shutdownRequest().thenRun(() -> shutdownRequest.complete(null));
        try {
            // jobs first: a client that finds this leader finds its jobs too
            LOG.info("Recovered jobs: {}", services.recoverJobs());
            leadership.publish(new LeaderRetrieval.Leader(
                    services.getResourceManagerAddress(), leadership.token(), services.getRestUrl()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while taking over the cluster", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not take over the cluster: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        campaign.interrupt();
        synchronized (this) {
            if (services != null) {
                services.close();
                services = null;
            }
            if (standby != null) {
                standby.close();
                standby = null;
            }
        }
        election.close();
        highAvailability.close();
    }
}
