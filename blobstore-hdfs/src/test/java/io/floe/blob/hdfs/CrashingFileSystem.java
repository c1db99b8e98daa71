package io.floe.blob.hdfs;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.util.Progressable;

/**
 * An HDFS client in a process that is killed while it writes a file: after the given number of
 * bytes it flushes them to the DataNodes, abandons every file it is writing (neither completed
 * nor deleted, as when the JVM dies) and throws {@link ProcessKilled}, which no
 * {@code catch (IOException)} cleans up after.
 */
final class CrashingFileSystem extends FilterFileSystem {
    private final DistributedFileSystem hdfs;
    private final long bytesBeforeCrash;

    /** Thrown where the process would have died. */
    static final class ProcessKilled extends Error {
        ProcessKilled() {
            super("killed while writing to HDFS");
        }
    }

    CrashingFileSystem(DistributedFileSystem hdfs, long bytesBeforeCrash) {
        super(hdfs);
        this.hdfs = hdfs;
        this.bytesBeforeCrash = bytesBeforeCrash;
    }

    @Override
    public FSDataOutputStream create(
            Path file,
            FsPermission permission,
            boolean overwrite,
            int bufferSize,
            short replication,
            long blockSize,
            Progressable progress)
            throws IOException {
        FSDataOutputStream out =
                super.create(file, permission, overwrite, bufferSize, replication, blockSize, progress);
        return new FSDataOutputStream(
                new OutputStream() {
                    private long written;
                    private boolean crashed;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (written + length > bytesBeforeCrash) {
                            out.write(bytes, offset, (int) (bytesBeforeCrash - written));
                            out.hflush();
                            hdfs.getClient().closeAllFilesBeingWritten(true);
                            crashed = true;
                            throw new ProcessKilled();
                        }
                        out.write(bytes, offset, length);
                        written += length;
                    }

                    @Override
                    public void close() throws IOException {
                        if (!crashed) { // a dead process closes nothing
                            out.close();
                        }
                    }
                },
                null);
    }
}
