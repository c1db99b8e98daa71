package io.floe.client.deployment;

import io.floe.api.JobClient;
import io.floe.client.rest.RestClusterClient;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.highavailability.HighAvailabilityMode;
import io.floe.runtime.jobgraph.JobGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code execution.target: remote}: submits the job over REST to a running cluster at
 * {@code rest.address}:{@code rest.port} ({@code floe run -m host:port}), uploading the job's jars.
 */
public final class RemoteExecutor implements PipelineExecutor {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** How long an attached client looks for a new leader after the old one stopped answering. */
    public static final Duration FAILOVER_PATIENCE = Duration.ofMinutes(2);

    /** Submits with the credential of {@code security.cluster-secret.file}, if set (the CLI sets it from its conf dir).
     * */
    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration) throws Exception {
        return execute(jobGraph, configuration, ClusterSecretCredential.authorization(configuration, Map.of()));
    }

    /** @param authorization the cluster's REST credential, which a submission needs; null if there is none */
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration, String authorization)
            throws Exception {
        RestClusterClient client = new RestClusterClient(
                configuration.get(ClusterOptions.REST_ADDRESS),
                configuration.get(ClusterOptions.REST_PORT),
                CONNECT_TIMEOUT,
                REQUEST_TIMEOUT,
                authorization);
        if (HighAvailabilityMode.parse(configuration.get(ClusterOptions.HA_TYPE)) == HighAvailabilityMode.ZOOKEEPER) {
            // an attached client waits out a failover and follows the new leader
            client.followingLeader(
                    () -> HighAvailabilityClusterLocator.currentLeaderRestUrl(configuration), FAILOVER_PATIENCE);
        }
        try {
            JobGraph withoutLocalJars = jobGraph.withUserJars(List.of());
            client.submitJob(withoutLocalJars, jobGraph.localUserJars());
        } catch (Exception e) {
            client.close();
            throw e;
        }
        return CompletableFuture.completedFuture(new RestJobClient(jobGraph.jobId(), client));
    }
}
