package io.floe.runtime.configuration;

/** How the processes of a cluster prove to each other that they belong to it. */
public final class SecurityOptions {
    private SecurityOptions() {}

    public static final ConfigOption<String> CLUSTER_SECRET_FILE =
            ConfigOption.key("security.cluster-secret.file").stringType().noDefaultValue()
                    .withDescription("File holding the cluster secret (one line of Base64) that RPC, data and blob "
                            + "connections must prove; default: cluster-secret in the configuration directory, "
                            + "created by start-cluster.sh.");
}
