package io.floe.client.deployment;

import io.floe.configuration.Configuration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link ClusterLocator}s on the class path, asked in turn. */
public final class ClusterLocators {
    private ClusterLocators() {}

    /** Lets every locator fill in defaults, unless the configuration already names a target. */
    public static void applyDefaults(Configuration configuration, Map<String, String> environment) {
        for (ClusterLocator locator :
                ServiceLoader.load(ClusterLocator.class, ClusterLocators.class.getClassLoader())) {
            locator.applyDefaults(configuration, environment);
        }
    }

    /** The first REST endpoint a locator finds for the configuration. */
    public static Optional<ClusterEndpoint> endpoint(Configuration configuration, Map<String, String> environment)
            throws Exception {
        for (ClusterLocator locator :
                ServiceLoader.load(ClusterLocator.class, ClusterLocators.class.getClassLoader())) {
            Optional<ClusterEndpoint> endpoint = locator.endpoint(configuration, environment);
            if (endpoint.isPresent()) {
                return endpoint;
            }
        }
        return Optional.empty();
    }
}
