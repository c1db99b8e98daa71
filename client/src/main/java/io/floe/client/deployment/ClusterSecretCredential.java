package io.floe.client.deployment;

import io.floe.configuration.Configuration;
import io.floe.configuration.GlobalConfiguration;
import io.floe.configuration.SecurityOptions;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RestAuthorization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The credential for a standalone cluster's REST calls that change it, from the cluster secret the
 * client can read: {@code security.cluster-secret.file}, else {@code cluster-secret} in
 * {@code FLOE_CONF_DIR} (where {@code start-cluster.sh} creates it, so the distribution that started
 * the cluster can change it). A YARN cluster's credential comes from its staging directory instead.
 */
public final class ClusterSecretCredential {
    private ClusterSecretCredential() {}

    /** The secret file the client would use, if there is one: a configured one, or the conf dir's if it exists. */
    public static Optional<Path> secretFile(Configuration configuration, Map<String, String> environment) {
        String confDir = environment.get(GlobalConfiguration.ENV_CONF_DIR);
        Path file =
                ClusterSecret.location(configuration, confDir == null || confDir.isBlank() ? null : Path.of(confDir));
        boolean configured = configuration.contains(SecurityOptions.CLUSTER_SECRET_FILE);
        return file != null && (configured || Files.isRegularFile(file)) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The {@code Authorization} header value from the configured secret file; null without one.
     *
     * @throws IllegalArgumentException if {@code security.cluster-secret.file} names a file that is no secret
     */
    public static String authorization(Configuration configuration, Map<String, String> environment) {
        Optional<Path> file = secretFile(configuration, environment);
        if (file.isEmpty()) {
            return null;
        }
        try {
            return RestAuthorization.headerValue(ClusterSecret.load(file.get()));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot read the cluster secret " + file.get() + " (" + SecurityOptions.CLUSTER_SECRET_FILE.key()
                            + "): " + e.getMessage(),
                    e);
        }
    }
}
