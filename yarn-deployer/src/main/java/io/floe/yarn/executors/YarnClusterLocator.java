package io.floe.yarn.executors;

import io.floe.client.deployment.ClusterEndpoint;
import io.floe.client.deployment.ClusterLocator;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.yarn.YarnClusterDescriptor;
import io.floe.yarn.YarnPropertiesFile;
import io.floe.yarn.YarnSessionLookup;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets {@code floe run}, {@code list} and {@code cancel} reach a YARN cluster by its application
 * id ({@code -Dyarn.application.id=...}) and, as in Flink, send a plain {@code floe run} to the
 * session that {@code yarn-session.sh} recorded in the properties file.
 */
public final class YarnClusterLocator implements ClusterLocator {
    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterLocator.class);

    @Override
    public void applyDefaults(Configuration configuration, Map<String, String> environment) {
        if (configuration.contains(CoreOptions.TARGET)) {
            return;
        }
        if (!configuration.contains(YarnConfigOptions.APPLICATION_ID)) {
            YarnPropertiesFile file = YarnPropertiesFile.of(configuration);
            Optional<String> session = file.applicationId();
            if (session.isEmpty()) {
                return;
            }
            LOG.info("Found the YARN properties file {}: using session {}", file.path(), session.get());
            configuration.set(YarnConfigOptions.APPLICATION_ID, session.get());
        }
        configuration.set(CoreOptions.TARGET, YarnSessionClusterExecutorFactory.NAME);
    }

    @Override
    public Optional<ClusterEndpoint> endpoint(Configuration configuration, Map<String, String> environment)
            throws Exception {
        if (!configuration.contains(YarnConfigOptions.APPLICATION_ID)) {
            return Optional.empty();
        }
        YarnClusterDescriptor.DeployedCluster cluster = YarnSessionLookup.retrieve(
                configuration.get(YarnConfigOptions.APPLICATION_ID), configuration, environment);
        return Optional.of(new ClusterEndpoint(cluster.restHost(), cluster.restPort(), cluster.restAuthorization()));
    }
}
