package io.floe.blob.hdfs;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.highavailability.JobResultStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A {@link JobResultStore} on any Hadoop file system: one file per ended job,
 * {@code <high-availability.storageDir>/job-results/<job id>}, holding its final status, written
 * under a hidden temporary name and renamed. They stay until the storage directory goes (the YARN
 * application ends for good). Thread-safe; every method blocks on file system I/O.
 */
public final class FileSystemJobResultStore implements JobResultStore {
    private final Path directory;

    public FileSystemJobResultStore(String haStorageDir) {
        this.directory = new Path(haStorageDir, "job-results");
    }

    @Override
    public void markEnded(JobId jobId, JobStatus status) throws IOException {
        if (!status.isGloballyTerminal()) {
            throw new IllegalArgumentException("Job " + jobId + " has not ended for good: it is " + status);
        }
        FileSystem fs = fileSystem();
        Path temporary = new Path(directory, "." + jobId + ".tmp");
        Path target = new Path(directory, jobId.toString());
        WholeFileWrite.write(
                fs,
                temporary,
                target,
                "record the end of job " + jobId,
                out -> out.write(status.name().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public JobStatus endedAs(JobId jobId) throws IOException {
        try (InputStream in = fileSystem().open(new Path(directory, jobId.toString()))) {
            return JobStatus.valueOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private FileSystem fileSystem() throws IOException {
        return directory.getFileSystem(new Configuration());
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
