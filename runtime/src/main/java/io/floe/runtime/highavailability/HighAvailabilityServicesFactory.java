package io.floe.runtime.highavailability;

import io.floe.configuration.Configuration;

/**
 * Makes {@link HighAvailabilityServices} for one value of {@code high-availability.type}; found with
 * {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/io.floe.runtime.highavailability.HighAvailabilityServicesFactory} entry.
 */
public interface HighAvailabilityServicesFactory {
    /** The value of {@code high-availability.type} this factory serves, lower case. */
    String type();

    /**
     * Connects to the coordination service the configuration names.
     *
     * @throws io.floe.configuration.IllegalConfigurationException with one line naming the key when
     *     it is missing or wrong, or the service cannot be reached
     */
    HighAvailabilityServices create(Configuration configuration);
}
