package io.floe.blob.hdfs;

import io.floe.api.JobId;
import io.floe.runtime.highavailability.CompletedCheckpointStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A {@link CompletedCheckpointStore} on any Hadoop file system: per job a directory
 * {@code <high-availability.storageDir>/checkpoints/<job id>/} holding one small file
 * {@code chk-<id>} whose content is the checkpoint's directory. A new record is written under a
 * hidden temporary name and renamed to its own new name (atomic on HDFS), then the older records
 * go, so a crash at any point leaves the newest complete record readable. Thread-safe; every
 * method blocks on file system I/O.
 */
public final class FileSystemCompletedCheckpointStore implements CompletedCheckpointStore {
    private static final String PREFIX = "chk-";

    private final Path directory;

    public FileSystemCompletedCheckpointStore(String haStorageDir) {
        this.directory = new Path(haStorageDir, "checkpoints");
    }

    @Override
    public void add(JobId jobId, long checkpointId, String checkpointDirectory) throws IOException {
        FileSystem fs = fileSystem();
        Path jobDirectory = new Path(directory, jobId.toString());
        Path record = new Path(jobDirectory, PREFIX + checkpointId);
        Path temporary = new Path(jobDirectory, "." + PREFIX + checkpointId + ".tmp");
        // (a record of this id may be left by an earlier JobManager whose checkpoint of that id did not count)
        WholeFileWrite.write(
                fs,
                temporary,
                record,
                "record checkpoint " + checkpointId + " of job " + jobId,
                out -> out.write(checkpointDirectory.getBytes(StandardCharsets.UTF_8)));
        for (FileStatus older : fs.listStatus(jobDirectory)) {
            long id = idOf(older.getPath());
            if (id >= 0 && id < checkpointId) {
                fs.delete(older.getPath(), false);
            }
        }
    }

    @Override
    public String latest(JobId jobId) throws IOException {
        FileSystem fs = fileSystem();
        Path jobDirectory = new Path(directory, jobId.toString());
        if (!fs.exists(jobDirectory)) {
            return null;
        }
        Path newest = null;
        long newestId = -1;
        for (FileStatus status : fs.listStatus(jobDirectory)) {
            long id = idOf(status.getPath());
            if (id > newestId) {
                newestId = id;
                newest = status.getPath();
            }
        }
        if (newest == null) {
            return null;
        }
        try (InputStream in = fs.open(newest)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void remove(JobId jobId) throws IOException {
        fileSystem().delete(new Path(directory, jobId.toString()), true);
    }

    /** The checkpoint id a record file is named for, or -1 for any other file (a temporary one). */
    private static long idOf(Path file) {
        String name = file.getName();
        if (!name.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
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
