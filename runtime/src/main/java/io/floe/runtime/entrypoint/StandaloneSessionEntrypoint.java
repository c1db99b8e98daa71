package io.floe.runtime.entrypoint;

import io.floe.runtime.process.ProcessRunner;
import io.floe.runtime.security.ClusterSecretLoader;

/**
 * The JobManager process of a standalone session cluster ({@code jobmanager.sh start}):
 * {@code StandaloneSessionEntrypoint [-D key=value]...}, configuration from {@code FLOE_CONF_DIR}.
 */
public final class StandaloneSessionEntrypoint {
    private StandaloneSessionEntrypoint() {}

    public static void main(String[] args) {
        ProcessRunner.run("JobManager", args, StandaloneSessionEntrypoint.class, configuration -> {
            JobManagerServices services = JobManagerServices.start(
                    configuration,
                    ClusterSecretLoader.load(configuration, ClusterConfigurationLoader.configurationDirectory()));
            // DELETE /cluster: exit, which runs the shutdown hook that stops the services
            services.shutdownRequest().thenRunAsync(() -> System.exit(0));
            return services;
        });
    }
}
