package io.floe.runtime.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.api.JobId;
import io.floe.runtime.fs.FileSystemResolver;
import io.floe.runtime.rest.messages.RestJsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@link CheckpointStorage} on any Hadoop file system ({@code file://}, {@code hdfs://}, ...), in
 * Flink's layout. {@code _metadata} is written under a temporary name and renamed, so a crash
 * mid-write leaves no metadata that looks complete.
 */
public final class FileSystemCheckpointStorage implements CheckpointStorage {
    public static final String METADATA_FILE = "_metadata";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DISCARD_ATTEMPTS = 3;

    private final JobId jobId;
    private final String checkpointDirectory;
    private final String defaultSavepointDirectory;
    private final Configuration hadoopConfiguration;
    private final ObjectMapper json = RestJsonMapper.create();

    /**
     * @param checkpointDirectory {@code state.checkpoints.dir}, or null when the job has none
     * @param defaultSavepointDirectory {@code state.savepoints.dir}, or null
     */
    public FileSystemCheckpointStorage(
            JobId jobId,
            String checkpointDirectory,
            String defaultSavepointDirectory,
            Configuration hadoopConfiguration) {
        this.jobId = jobId;
        this.checkpointDirectory = checkpointDirectory;
        this.defaultSavepointDirectory = defaultSavepointDirectory;
        this.hadoopConfiguration = hadoopConfiguration;
    }

    @Override
    public void checkCheckpointDirectory() throws IOException {
        if (checkpointDirectory == null) {
            throw new IOException(
                    "No checkpoint directory: set state.checkpoints.dir (or execution.checkpointing.dir)");
        }
        Path directory = new Path(checkpointDirectory, jobId.toString());
        try {
            mkdirs(directory, "state.checkpoints.dir");
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    "Cannot write checkpoints to " + checkpointDirectory + " (state.checkpoints.dir): "
                            + e.getMessage() + "; give a directory that the JobManager and TaskManagers can write,"
                            + " e.g. hdfs:///floe/checkpoints",
                    e);
        }
    }

    @Override
    public String initializeCheckpoint(long checkpointId) throws IOException {
        if (checkpointDirectory == null) {
            throw new IOException(
                    "No checkpoint directory: set state.checkpoints.dir (or execution.checkpointing.dir)");
        }
        Path directory = new Path(new Path(checkpointDirectory, jobId.toString()), "chk-" + checkpointId);
        mkdirs(directory, "state.checkpoints.dir");
        return directory.toString();
    }

    @Override
    public String initializeSavepoint(String targetDirectory) throws IOException {
        String target = targetDirectory != null ? targetDirectory : defaultSavepointDirectory;
        if (target == null) {
            throw new IOException("No savepoint directory: give one, or set state.savepoints.dir");
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        Path directory = new Path(
                target,
                "savepoint-" + jobId.toString().substring(0, 6) + "-"
                        + HexFormat.of().formatHex(random));
        mkdirs(directory, "the savepoint directory");
        return directory.toString();
    }

    @Override
    public void writeMetadata(String directory, CheckpointMetadata metadata) throws IOException {
        Path finalFile = new Path(directory, METADATA_FILE);
        Path temporary = new Path(directory, "." + METADATA_FILE + ".inprogress");
        FileSystem fs = FileSystemResolver.resolve(finalFile, hadoopConfiguration);
        // not recursive: a checkpoint aborted meanwhile had its directory deleted, and must not get it back
        try (OutputStream out = fs.createFile(temporary).overwrite(true).build()) {
            json.writeValue(out, metadata);
        }
        if (!fs.rename(temporary, finalFile)) {
            fs.delete(temporary, false);
            throw new IOException("Could not rename " + temporary + " to " + finalFile);
        }
    }

    @Override
    public CheckpointMetadata readMetadata(String path) throws IOException {
        Path given = new Path(path);
        Path file = given.getName().equals(METADATA_FILE) ? given : new Path(given, METADATA_FILE);
        FileSystem fs = FileSystemResolver.resolve(file, hadoopConfiguration);
        try (InputStream in = fs.open(file)) {
            return json.readValue(in, CheckpointMetadata.class);
        } catch (FileNotFoundException e) {
            throw new IOException(
                    "No checkpoint or savepoint at " + path + ": there is no " + file
                            + "; give the directory of a completed checkpoint (chk-<n>) or savepoint",
                    e);
        } catch (JsonProcessingException e) {
            throw new IOException(path + " is not a Floe checkpoint or savepoint: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Deletes the directory and what is in it. A task of an aborted checkpoint may still be
     * writing a state file: one created after the delete listed the directory makes the delete
     * fail, so it is tried again (files cannot be created once the directory is gone).
     */
    @Override
    public void discard(String directory) throws IOException {
        Path path = new Path(directory);
        FileSystem fs = FileSystemResolver.resolve(path, hadoopConfiguration);
        for (int attempt = 1; ; attempt++) {
            try {
                if (fs.delete(path, true) || !fs.exists(path)) {
                    return;
                }
            } catch (IOException e) {
                if (attempt == DISCARD_ATTEMPTS) {
                    throw e;
                }
            }
            if (attempt == DISCARD_ATTEMPTS) {
                throw new IOException("Could not delete " + path);
            }
        }
    }

    private void mkdirs(Path directory, String what) throws IOException {
        FileSystem fs = FileSystemResolver.resolve(directory, hadoopConfiguration);
        if (!fs.mkdirs(directory)) {
            throw new IOException("Could not create " + directory + " (" + what + ")");
        }
    }
}
