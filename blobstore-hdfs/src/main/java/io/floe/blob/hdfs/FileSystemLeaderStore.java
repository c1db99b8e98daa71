package io.floe.blob.hdfs;

import io.floe.runtime.highavailability.LeaderStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        try (OutputStream out = fs.create(temporary, true)) {
            out.write(
                    (leader.token() + "\n" + leader.resourceManagerAddress() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(file, false); // (a rename onto an existing file fails on HDFS; a reader in between sees none)
        if (!fs.rename(temporary, file)) {
            throw new IOException("Could not publish the leader " + leader + " as " + file);
        }
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
