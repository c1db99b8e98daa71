package io.floe.runtime.entrypoint;

import io.floe.runtime.highavailability.DurableStorage;
import io.floe.runtime.highavailability.HighAvailabilityMode;
import io.floe.runtime.process.ProcessRunner;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.ClusterSecretLoader;

/**
 * The JobManager process of a standalone session cluster ({@code jobmanager.sh start}):
 * {@code StandaloneSessionEntrypoint [-D key=value]...}, configuration from {@code FLOE_CONF_DIR}.
 * With {@code high-availability.type: zookeeper} it is one of several: it leads when elected and
 * stands by otherwise ({@link ElectedJobManager}).
 */
public final class StandaloneSessionEntrypoint {
    private StandaloneSessionEntrypoint() {}

    public static void main(String[] args) {
        ProcessRunner.run("JobManager", args, StandaloneSessionEntrypoint.class, configuration -> {
            ClusterSecret secret =
                    ClusterSecretLoader.load(configuration, ClusterConfigurationLoader.configurationDirectory());
            if (HighAvailabilityMode.of(configuration) == HighAvailabilityMode.ZOOKEEPER) {
                ElectedJobManager jobManager = ElectedJobManager.start(configuration, secret);
                jobManager.shutdownRequest().thenRunAsync(() -> System.exit(0));
                return jobManager;
            }
            DurableStorage.checkWritable(configuration);
            JobManagerServices services = JobManagerServices.start(configuration, secret);
            // DELETE /cluster: exit, which runs the shutdown hook that stops the services
            services.shutdownRequest().thenRunAsync(() -> System.exit(0));
            return services;
        });
    }
}
