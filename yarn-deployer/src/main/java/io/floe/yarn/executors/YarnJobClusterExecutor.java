package io.floe.yarn.executors;

import io.floe.api.JobClient;
import io.floe.client.deployment.RemoteExecutor;
import io.floe.client.deployment.RestJobClient;
import io.floe.client.rest.RestClusterClient;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.yarn.HadoopConfigurationLoader;
import io.floe.yarn.YarnClusterDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * Deploys a per-job cluster on YARN for the job graph the client's {@code main()} built: the graph
 * and the job's jars ship with the ApplicationMaster, which runs the job and ends with it. The
 * returned job client follows the job over REST at the address of the application report.
 * Called on the program's thread.
 */
public final class YarnJobClusterExecutor implements PipelineExecutor {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final Map<String, String> environment;
    private final Consumer<String> console;

    public YarnJobClusterExecutor(Map<String, String> environment, Consumer<String> console) {
        this.environment = environment;
        this.console = console;
    }

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration) throws Exception {
        boolean detached = !configuration.get(CoreOptions.ATTACHED);
        List<Path> jars = jobGraph.localUserJars();
        YarnClusterDescriptor descriptor = new YarnClusterDescriptor(
                configuration, HadoopConfigurationLoader.load(configuration, environment), console);
        YarnClusterDescriptor.DeployedCluster cluster;
        try {
            cluster = descriptor.deployJobCluster(jobGraph, jars, detached);
        } catch (Exception e) {
            descriptor.close();
            throw e;
        }
        console.accept("Job " + jobGraph.jobId() + " runs in YARN application " + cluster.applicationId()
                + (detached
                        ? "; cancel it (the application then ends KILLED) with: floe cancel -Dyarn.application.id="
                                + cluster.applicationId() + " " + jobGraph.jobId()
                        : ""));
        RestClusterClient rest = new RestClusterClient(
                        cluster.restHost(),
                        cluster.restPort(),
                        CONNECT_TIMEOUT,
                        REQUEST_TIMEOUT,
                        cluster.restAuthorization())
                // a new ApplicationMaster attempt serves REST elsewhere: YARN's report says where
                .followingLeader(
                        () -> {
                            ApplicationReport report =
                                    descriptor.yarnClient().getApplicationReport(cluster.applicationId());
                            return report.getYarnApplicationState() == YarnApplicationState.RUNNING
                                            && report.getRpcPort() > 0
                                    ? "http://" + report.getHost() + ":" + report.getRpcPort()
                                    : null;
                        },
                        RemoteExecutor.FAILOVER_PATIENCE);
        // once the result is in hand, a marker in the staging directory lets the ApplicationMaster end
        return CompletableFuture.completedFuture(new RestJobClient(
                jobGraph.jobId(), rest, () -> ResultFetchedMarker.write(descriptor, cluster), descriptor));
    }
}
