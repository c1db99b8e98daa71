package io.floe.runtime.blob;

/** The lifecycle of a blob. */
public enum BlobType {
    /** Job-scoped (jars, artifacts); lives as long as its job and survives a JobManager failover. */
    PERMANENT('p'),
    /** Short-lived (log files, uploads); not recovered; expires when not accessed for a while. */
    TRANSIENT('t');

    private final char prefix;

    BlobType(char prefix) {
        this.prefix = prefix;
    }

    char prefix() {
        return prefix;
    }

    static BlobType ofPrefix(char prefix) {
        for (BlobType type : values()) {
            if (type.prefix == prefix) {
                return type;
            }
        }
        throw new IllegalArgumentException("No blob type has the prefix '" + prefix + "'.");
    }
}
