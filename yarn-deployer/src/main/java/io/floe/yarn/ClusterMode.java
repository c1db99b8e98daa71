package io.floe.yarn;

/** The three kinds of Floe cluster on YARN: the ApplicationMaster's entry point and the default application name. */
public enum ClusterMode {
    SESSION("io.floe.yarn.entrypoint.YarnSessionClusterEntrypoint", "Floe session cluster"),
    PER_JOB("io.floe.yarn.entrypoint.YarnJobClusterEntrypoint", "Floe per-job cluster"),
    APPLICATION("io.floe.yarn.entrypoint.YarnApplicationClusterEntrypoint", "Floe application cluster");

    final String entrypoint;
    final String defaultName;

    ClusterMode(String entrypoint, String defaultName) {
        this.entrypoint = entrypoint;
        this.defaultName = defaultName;
    }
}
