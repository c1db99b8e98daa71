package io.floe.client.deployment;

import io.floe.configuration.Configuration;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a running cluster that the configuration names in a deployer's own terms (a YARN
 * application id), so {@code floe run}, {@code list} and {@code cancel} reach it without
 * {@code -m}. Found through {@link java.util.ServiceLoader} (register in
 * {@code META-INF/services/io.floe.client.deployment.ClusterLocator}); see {@link ClusterLocators}.
 */
public interface ClusterLocator {

    /**
     * Fills in where jobs go when neither the flags nor {@code config.yaml} say (for YARN: the
     * session recorded in the properties file that {@code yarn-session.sh} writes). Leaves the
     * configuration alone when it has nothing to add.
     */
    void applyDefaults(Configuration configuration, Map<String, String> environment);

    /**
     * The REST endpoint (address and credential) of the cluster the configuration names, or empty
     * when it names none this locator knows.
     *
     * @throws Exception when it names one that cannot be reached (not running, unknown), with a
     *     message for the user
     */
    Optional<ClusterEndpoint> endpoint(Configuration configuration, Map<String, String> environment) throws Exception;
}
