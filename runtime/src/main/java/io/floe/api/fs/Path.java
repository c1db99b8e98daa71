package io.floe.api.fs;

import java.io.Serializable;
import java.util.Objects;

/**
 * A file or directory on any file system Hadoop can reach ({@code file:///tmp/out},
 * {@code hdfs://namenode:8020/data}, or a path on the default file system).
 */
public final class Path implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String path;

    public Path(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("A path must not be empty.");
        }
        this.path = path;
    }

    public Path(Path parent, String child) {
        this(parent.path.endsWith("/") ? parent.path + child : parent.path + "/" + child);
    }

    public String getName() {
        int slash = path.lastIndexOf('/', path.length() - 2);
        String name = path.substring(slash + 1);
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Path that && that.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
