package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.api.JobId;
import io.floe.runtime.blob.BlobKey;
import io.floe.runtime.blob.BlobStore;
import io.floe.runtime.blob.BlobStoreContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a local directory, plus the layout that HDFS deployments share. */
class FileSystemBlobStoreTest extends BlobStoreContractTest {
    @TempDir
    Path storeDir;

    @Override
    protected BlobStore createStore() throws IOException {
        return new FileSystemBlobStore(new org.apache.hadoop.fs.Path(storeDir.toUri()));
    }

    @Override
    protected boolean keepsBlobs() {
        return true;
    }

    @Test
    void writesTheDocumentedLayoutWithoutChecksumOrTemporaryFiles() throws IOException {
        BlobStore store = createStore();
        JobId job = JobId.generate();
        BlobKey key = keyOf("content");
        Path file = Files.writeString(storeDir.resolve("upload"), "content");

        store.put(file, job, key);
        Files.delete(file);

        try (Stream<Path> files = Files.walk(storeDir)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(p -> storeDir.relativize(p).toString())
                    .toList();
            assertEquals(List.of("job_" + job + "/blob_" + key), names);
        }
    }

    @Test
    void ignoresUnfinishedUploadsAndForeignFilesWhenListing() throws IOException {
        BlobStore store = createStore();
        JobId job = JobId.generate();
        Path jobDir = Files.createDirectories(storeDir.resolve("job_" + job));
        Files.writeString(jobDir.resolve(".blob_p-" + "0".repeat(64) + ".x.inprogress"), "half");
        Files.writeString(jobDir.resolve("notes.txt"), "?");
        Files.createDirectories(storeDir.resolve("lost+found"));

        assertEquals(Map.of(), store.listAll());
    }
}
