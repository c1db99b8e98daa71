package io.floe.client.deployment;

import io.floe.configuration.Configuration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Deploys a cluster that runs a program's {@code main()} itself (application mode): the client
 * ships the jar and returns once the cluster is up. One per application target, such as
 * {@code yarn-application}; found through {@link ServiceLoader} (register in
 * {@code META-INF/services/io.floe.client.deployment.ApplicationDeployer}).
 */
public interface ApplicationDeployer {

    /** The {@code execution.target} this deployer serves. */
    String targetName();

    /**
     * Starts the cluster and returns when it runs the program.
     *
     * @param console where progress lines for the user go
     * @throws IllegalArgumentException when the input is wrong (jar, queue, sizes), with a message for the user
     * @throws Exception when the cluster could not be deployed
     */
    void deploy(
            ApplicationConfiguration application,
            Configuration configuration,
            Map<String, String> environment,
            Consumer<String> console)
            throws Exception;

    /** The deployer of {@code target}, or null when {@code target} is not an application target. */
    static ApplicationDeployer forTarget(String target) {
        for (ApplicationDeployer deployer :
                ServiceLoader.load(ApplicationDeployer.class, ApplicationDeployer.class.getClassLoader())) {
            if (deployer.targetName().equals(target)) {
                return deployer;
            }
        }
        return null;
    }
}
