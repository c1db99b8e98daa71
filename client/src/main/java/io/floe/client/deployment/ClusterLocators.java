package io.floe.client.deployment;

import io.floe.runtime.configuration.Configuration;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link ClusterLocator}s on the class path, asked in turn. */
public final class ClusterLocators {
    private ClusterLocators() {}

    /** Lets every locator fill in defaults, unless the configuration already names a target. */
    public static void applyDefaults(Configuration configuration, Map<String, String> environment) {
        for (ClusterLocator locator : ServiceLoader.load(ClusterLocator.class, ClusterLocators.class.getClassLoader())) {
            locator.applyDefaults(configuration, environment);
        }
    }

    /** The first REST address a locator finds for the configuration. */
    public static Optional<InetSocketAddress> restAddress(Configuration configuration, Map<String, String> environment)
            throws Exception {
        for (ClusterLocator locator : ServiceLoader.load(ClusterLocator.class, ClusterLocators.class.getClassLoader())) {
            Optional<InetSocketAddress> address = locator.restAddress(configuration, environment);
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }
}
