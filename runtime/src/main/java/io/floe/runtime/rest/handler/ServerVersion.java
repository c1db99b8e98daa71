package io.floe.runtime.rest.handler;

/** The version the REST API reports in Flink's {@code flink-version} / {@code flink-commit} fields. */
public final class ServerVersion {
    public static final String VERSION = "floe-0.1.0";
    /** Flink reports "DeadD0d0" when it was built without git information; so do we for now. */
    public static final String REVISION = "DeadD0d0";

    private ServerVersion() {}
}
