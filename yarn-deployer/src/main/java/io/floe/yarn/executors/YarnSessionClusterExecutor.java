package io.floe.yarn.executors;

import io.floe.api.JobClient;
import io.floe.client.deployment.RemoteExecutor;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.yarn.YarnClusterDescriptor;
import io.floe.yarn.YarnSessionLookup;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Submits a job to a running YARN session (started by {@code yarn-session.sh}): finds its REST
 * address from the application report of {@code yarn.application.id} or of the session the
 * properties file names, then submits over REST like {@code -t remote}.
 */
public final class YarnSessionClusterExecutor implements PipelineExecutor {
    private final Map<String, String> environment;
    private final Consumer<String> console;

    public YarnSessionClusterExecutor(Map<String, String> environment, Consumer<String> console) {
        this.environment = environment;
        this.console = console;
    }

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration) throws Exception {
        String applicationId = YarnSessionLookup.applicationId(configuration)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No YARN session to submit to: start one with yarn-session.sh, or name it with "
                                + "-Dyarn.application.id=<id>"));
        YarnClusterDescriptor.DeployedCluster session =
                YarnSessionLookup.retrieve(applicationId, configuration, environment);
        console.accept("Submitting job " + jobGraph.jobId() + " to YARN session " + applicationId + " at http://"
                + session.restHost() + ":" + session.restPort());
        Configuration remote = new Configuration(configuration);
        remote.set(ClusterOptions.REST_ADDRESS, session.restHost());
        remote.set(ClusterOptions.REST_PORT, session.restPort());
        return new RemoteExecutor().execute(jobGraph, remote, session.restAuthorization());
    }
}
