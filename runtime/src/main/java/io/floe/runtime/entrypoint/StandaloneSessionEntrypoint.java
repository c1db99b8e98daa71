package io.floe.runtime.entrypoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager process of a standalone session cluster ({@code jobmanager.sh start}):
 * {@code StandaloneSessionEntrypoint [-D key=value]...}, configuration from {@code FLOE_CONF_DIR}.
 */
public final class StandaloneSessionEntrypoint {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneSessionEntrypoint.class);

    private StandaloneSessionEntrypoint() {}

    public static void main(String[] args) {
        ProcessRunner.run("JobManager", args, LOG, configuration -> {
            JobManagerServices services = JobManagerServices.start(configuration,
                    ClusterSecretLoader.load(configuration, ClusterConfigurationLoader.configurationDirectory()));
            // DELETE /cluster: exit, which runs the shutdown hook that stops the services
            services.shutdownRequest().thenRunAsync(() -> System.exit(0));
            return services;
        });
    }
}
