package io.floe.configuration;

import java.util.Locale;

/** How the processes of a cluster prove to each other that they belong to it. */
public final class SecurityOptions {
    private SecurityOptions() {}

    public static final ConfigOption<String> CLUSTER_SECRET_FILE = ConfigOption.key("security.cluster-secret.file")
            .stringType()
            .noDefaultValue()
            .withDescription("File holding the cluster secret (one line of Base64) that RPC, data and blob "
                    + "connections must prove; default: cluster-secret in the configuration directory, "
                    + "created by start-cluster.sh.");

    public static final ConfigOption<String> REST_AUTHENTICATION = ConfigOption.key("rest.authentication")
            .stringType()
            .defaultValue("cluster-secret")
            .withDescription("What REST calls that change the cluster (submit, cancel, shut down) must prove: "
                    + "'cluster-secret' (a token derived from the cluster secret, which floe and yarn-session.sh "
                    + "send) or 'none' (anyone who reaches the port, as in Flink; for trusted networks only).");

    /** Whether {@code rest.authentication} asks for the cluster secret; fails naming the key on another value. */
    public static boolean restAuthenticationRequired(Configuration configuration) {
        String value = configuration.get(REST_AUTHENTICATION).trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "cluster-secret" -> true;
            case "none" -> false;
            default ->
                throw new IllegalConfigurationException(
                        "rest.authentication is '" + value + "'; use 'cluster-secret' (the default) or 'none'.");
        };
    }
}
