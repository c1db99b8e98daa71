package io.floe.runtime.entrypoint;

import io.floe.configuration.Configuration;
import io.floe.configuration.SecurityOptions;
import io.floe.runtime.security.ClusterSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the secret of a cluster process: {@code security.cluster-secret.file}, else {@code <conf>/cluster-secret}. */
final class ClusterSecretLoader {
    static final String DEFAULT_FILE_NAME = "cluster-secret";

    private ClusterSecretLoader() {}

    static ClusterSecret load(Configuration configuration, Path confDir) {
        Path file = configuration.contains(SecurityOptions.CLUSTER_SECRET_FILE)
                ? Path.of(configuration.get(SecurityOptions.CLUSTER_SECRET_FILE))
                : confDir.resolve(DEFAULT_FILE_NAME);
        if (!Files.exists(file)) {
            throw new IllegalStateException(
                    "No cluster secret at " + file + "; start the cluster with start-cluster.sh "
                            + "(which creates it), or point security.cluster-secret.file at the cluster's secret.");
        }
        try {
            return ClusterSecret.load(file);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
