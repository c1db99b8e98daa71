package io.floe.blob.hdfs;

import io.floe.runtime.highavailability.LeaderStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A {@link LeaderStore} on any Hadoop file system: the file {@code <high-availability.storageDir>/leader}
 * holds the leader's token and ResourceManager address, one per line. A new leader writes a hidden
 * temporary file and renames it over the old one. Thread-safe; every method blocks on I/O.
 */
public final class FileSystemLeaderStore implements LeaderStore {
    private final Path file;

    public FileSystemLeaderStore(String haStorageDir) {
        this.file = new Path(haStorageDir, "leader");
    }

    @Override
    public void publish(Leader leader) throws IOException {
        FileSystem fs = file.getFileSystem(new Configuration());
        Path temporary = new Path(file.getParent(), ".leader-" + leader.token() + ".tmp");
        byte[] content =
                (leader.token() + "\n" + leader.resourceManagerAddress() + "\n").getBytes(StandardCharsets.UTF_8);
        WholeFileWrite.write(fs, temporary, file, "publish the leader " + leader, out -> out.write(content));
    }

    @Override
    public void withdraw(Leader leader) throws IOException {
        if (leader.equals(current())) {
            file.getFileSystem(new Configuration()).delete(file, false);
        }
    }

    @Override
    public Leader current() throws IOException {
        String[] lines;
        try (InputStream in = file.getFileSystem(new Configuration()).open(file)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        } catch (FileNotFoundException e) {
            return null; // none published yet, or between a new leader's delete and rename
        }
        if (lines.length < 2 || lines[0].isBlank() || lines[1].isBlank()) {
            throw new IOException("The leader file " + file + " is damaged: expected a token and an address");
        }
        return new Leader(lines[1].trim(), lines[0].trim());
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
