package io.floe.yarn.executors;

import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.client.deployment.ApplicationDeployer;
import io.floe.configuration.Configuration;
import io.floe.yarn.HadoopConfigurationLoader;
import io.floe.yarn.YarnClusterDescriptor;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code execution.target: yarn-application}: a YARN application whose ApplicationMaster runs the
 * program's {@code main()}; the client ships the jar (or names it on HDFS) and returns once the
 * cluster is up, printing how to follow and stop it.
 */
public final class YarnApplicationDeployer implements ApplicationDeployer {
    public static final String NAME = "yarn-application";

    @Override
    public String targetName() {
        return NAME;
    }

    @Override
    public void deploy(
            ApplicationConfiguration application,
            Configuration configuration,
            Map<String, String> environment,
            Consumer<String> console)
            throws Exception {
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(
                configuration, HadoopConfigurationLoader.load(configuration, environment), console)) {
            YarnClusterDescriptor.DeployedCluster cluster = descriptor.deployApplicationCluster(application);
            String id = cluster.applicationId().toString();
            console.accept(
                    "Application " + id + " runs " + application.jar() + "; its jobs: floe list -Dyarn.application.id="
                            + id + "; cancel a job: floe cancel -Dyarn.application.id=" + id
                            + " <jobId>; its logs: yarn logs -applicationId " + id);
        }
    }
}
