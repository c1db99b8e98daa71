package io.floe.runtime.security;

import io.floe.configuration.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the secret of a cluster process: {@code security.cluster-secret.file}, else {@code <conf>/cluster-secret}. */
public final class ClusterSecretLoader {
    private ClusterSecretLoader() {}

    public static ClusterSecret load(Configuration configuration, Path confDir) {
        Path file = ClusterSecret.location(configuration, confDir);
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
