package io.floe.runtime.fs;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the Hadoop FileSystem of a path, as configured by the Hadoop configuration on the
 * classpath ({@code core-site.xml}, {@code HADOOP_CONF_DIR}). For local paths it returns the raw
 * local file system: Hadoop's default local file system writes a {@code .crc} file beside every
 * file, which users of {@code writeAsText} do not expect and other tools trip over.
 */
public final class FileSystemResolver {
    private FileSystemResolver() {}

    public static FileSystem resolve(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(HdfsClientDefaults.apply(new Configuration()));
        if (fs instanceof ChecksumFileSystem checksummed) {
            return checksummed.getRawFileSystem();
        }
        return fs;
    }
}
