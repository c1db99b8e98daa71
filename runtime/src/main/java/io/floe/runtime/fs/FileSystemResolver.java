package io.floe.runtime.fs;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the Hadoop FileSystem of a path, as configured by the Hadoop configuration on the
 * classpath ({@code core-site.xml}, {@code HADOOP_CONF_DIR}). For local paths it returns a raw
 * local file system: Hadoop's default local file system writes a {@code .crc} file beside every
 * file, which users of {@code writeAsText} do not expect and other tools trip over, and without
 * Hadoop's native library it starts a {@code chmod} process per file (see
 * {@link ForklessLocalFileSystem}).
 */
public final class FileSystemResolver {
    private static volatile FileSystem local;

    private FileSystemResolver() {}

    public static FileSystem resolve(Path path) throws IOException {
        return resolve(path, HdfsClientDefaults.apply(new Configuration()));
    }

    /** {@link #resolve(Path)} with a Hadoop configuration of the caller's. */
    public static FileSystem resolve(Path path, Configuration configuration) throws IOException {
        if ("file".equals(path.toUri().getScheme()) && configuration.get("fs.file.impl") == null) {
            // the first FileSystem.get of a JVM loads every file system on the class path (~0.2 s here),
            // which a local path does not need: a job with local checkpoints started that much later
            return local(configuration);
        }
        FileSystem fs = path.getFileSystem(configuration);
        return fs instanceof LocalFileSystem ? local(configuration) : fs;
    }

    private static FileSystem local(Configuration configuration) throws IOException {
        FileSystem fs = local;
        if (fs == null) {
            synchronized (FileSystemResolver.class) {
                fs = local;
                if (fs == null) {
                    fs = new ForklessLocalFileSystem();
                    fs.initialize(URI.create("file:///"), configuration);
                    local = fs;
                }
            }
        }
        return fs;
    }
}
