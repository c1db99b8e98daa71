package io.floe.ha.zookeeper;

import io.floe.configuration.Configuration;
import io.floe.runtime.highavailability.HighAvailabilityServices;
import io.floe.runtime.highavailability.HighAvailabilityServicesFactory;

/** {@code high-availability.type: zookeeper}, registered for {@link java.util.ServiceLoader}. */
public final class ZooKeeperHaServicesFactory implements HighAvailabilityServicesFactory {
    @Override
    public String type() {
        return "zookeeper";
    }

    @Override
    public HighAvailabilityServices create(Configuration configuration) {
        return ZooKeeperHaServices.connect(configuration);
    }
}
