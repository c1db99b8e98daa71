package io.floe.runtime.checkpoint;

import io.floe.runtime.fs.FileSystemResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads and writes state files in a checkpoint's directory, on any Hadoop file system. I/O threads. */
public final class StateFiles {
    /** What goes into a state file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Configuration hadoopConfiguration;

    public StateFiles(Configuration hadoopConfiguration) {
        this.hadoopConfiguration = hadoopConfiguration;
    }

    /** Writes {@code name} into {@code directory} and describes it, for key groups start..end (-1 for none). */
    public StateFile write(String directory, String name, int keyGroupStart, int keyGroupEnd, Content content)
            throws IOException {
        Path file = new Path(directory, name);
        FileSystem fs = FileSystemResolver.resolve(file, hadoopConfiguration);
        long size;
        // not recursive: a checkpoint aborted meanwhile had its directory deleted, and must not get it back
        try (FSDataOutputStream out = fs.createFile(file).overwrite(false).build()) {
            content.writeTo(out);
            out.flush();
            size = out.getPos();
        }
        return new StateFile(name, size, keyGroupStart, keyGroupEnd);
    }

    public InputStream open(String directory, StateFile file) throws IOException {
        Path path = new Path(directory, file.relativePath());
        return FileSystemResolver.resolve(path, hadoopConfiguration).open(path);
    }
}
