package io.floe.blob.hdfs;

import io.floe.runtime.blob.BlobStore;
import io.floe.runtime.highavailability.CompletedCheckpointStore;
import io.floe.runtime.highavailability.DurableStorageFactory;
import io.floe.runtime.highavailability.JobGraphStore;
import io.floe.runtime.highavailability.JobResultStore;
import io.floe.runtime.highavailability.LeaderStore;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The durable stores on the Hadoop file system that {@code high-availability.storageDir} names
 * (HDFS on YARN, or a local directory): blobs under {@code <dir>/blob}, job graphs under
 * {@code <dir>/jobgraphs}, each job's latest completed checkpoint under {@code <dir>/checkpoints},
 * how ended jobs ended under {@code <dir>/job-results}, the leader's address in {@code <dir>/leader}.
 * Found by the runtime through ServiceLoader.
 */
public final class HadoopDurableStorageFactory implements DurableStorageFactory {
    @Override
    public void checkWritable(String storageDir) throws IOException {
        Path directory = new Path(storageDir);
        FileSystem fileSystem = directory.getFileSystem(new Configuration());
        Path probe = new Path(directory, ".floe-write-probe-" + UUID.randomUUID());
        fileSystem.mkdirs(directory);
        fileSystem.create(probe, false).close();
        fileSystem.delete(probe, false);
    }

    @Override
    public BlobStore createBlobStore(String storageDir) throws IOException {
        return new FileSystemBlobStore(new Path(storageDir, "blob"));
    }

    @Override
    public JobGraphStore createJobGraphStore(String storageDir) {
        return new FileSystemJobGraphStore(storageDir);
    }

    @Override
    public CompletedCheckpointStore createCompletedCheckpointStore(String storageDir) {
        return new FileSystemCompletedCheckpointStore(storageDir);
    }

    @Override
    public JobResultStore createJobResultStore(String storageDir) {
        return new FileSystemJobResultStore(storageDir);
    }

    @Override
    public LeaderStore createLeaderStore(String storageDir) {
        return new FileSystemLeaderStore(storageDir);
    }
}
