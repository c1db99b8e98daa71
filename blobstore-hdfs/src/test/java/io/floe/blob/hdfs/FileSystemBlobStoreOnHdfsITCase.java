package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.blob.BlobKey;
import io.floe.runtime.blob.BlobNotFoundException;
import io.floe.runtime.blob.BlobServer;
import io.floe.runtime.blob.BlobStore;
import io.floe.runtime.blob.BlobStoreContractTest;
import io.floe.tools.miniyarn.MiniHadoopSettings;
import io.floe.tools.miniyarn.testing.MiniHadoopExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BlobStore contract, and what HDFS does differently from a local disk, on a real HDFS: a
 * rename does not replace an existing file, and a writer that dies leaves its file open.
 */
class FileSystemBlobStoreOnHdfsITCase extends BlobStoreContractTest {
    @RegisterExtension
    static final MiniHadoopExtension HADOOP = new MiniHadoopExtension(MiniHadoopSettings.hdfsOnly());

    static MiniDFSCluster dfs;
    static FileSystem hdfs;

    @TempDir
    java.nio.file.Path local;

    private Path base;
    private final JobId job = JobId.generate();

    @BeforeAll
    static void startHdfs() throws IOException {
        dfs = HADOOP.hadoop().dfs();
        hdfs = dfs.getFileSystem();
    }

    /** A store under a directory of its own, opened as the JobManager opens it: from the path alone. */
    @Override
    protected BlobStore createStore() throws IOException {
        base = new Path(dfs.getURI().toString(), "/floe/ha-" + UUID.randomUUID() + "/blob");
        return new FileSystemBlobStore(base);
    }

    @Override
    protected boolean keepsBlobs() {
        return true;
    }

    @Test
    void putOverACorruptedCopyReplacesIt() throws IOException {
        BlobStore store = createStore();
        BlobKey key = keyOf("the job's jar");
        java.nio.file.Path jar = Files.writeString(local.resolve("job.jar"), "the job's jar");
        store.put(jar, job, key);
        Path stored = new Path(base, "job_" + job + "/blob_" + key);
        HdfsFiles.flipFirstByte(hdfs, stored);

        store.put(jar, job, key);

        java.nio.file.Path copy = local.resolve("copy");
        assertTrue(store.get(job, key, copy));
        assertArrayEquals(bytes("the job's jar"), Files.readAllBytes(copy));
        assertEquals(List.of("blob_" + key), namesIn(new Path(base, "job_" + job)));
    }

    @Test
    void replacingAStoredBlobNeverHidesItFromReaders() throws Exception {
        BlobStore store = createStore();
        BlobKey key = keyOf("a jar submitted again");
        java.nio.file.Path jar = Files.writeString(local.resolve("job.jar"), "a jar submitted again");
        store.put(jar, job, key);
        AtomicBoolean replacing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger misses = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            java.nio.file.Path target = local.resolve("read");
            try {
                while (replacing.get() || reads.get() == 0) {
                    reads.incrementAndGet();
                    if (!store.get(job, key, target)) {
                        misses.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        try {
            for (int i = 0; i < 10; i++) {
                store.put(jar, job, key);
            }
        } finally {
            replacing.set(false);
        }
        reader.get();

        assertEquals(
                0, misses.get(), "the blob was missing in " + misses + " of " + reads + " reads while it was replaced");
        assertEquals(List.of("blob_" + key), namesIn(new Path(base, "job_" + job)));
    }

    @Test
    void uploadCutShortByACrashIsNeverServed() throws IOException {
        BlobStore store = createStore();
        byte[] content = new byte[256 * 1024];
        Arrays.fill(content, (byte) 'x');
        String text = new String(content, StandardCharsets.US_ASCII);
        BlobKey key = keyOf(text);
        java.nio.file.Path jar = Files.write(local.resolve("job.jar"), content);
        try (FileSystem dying = FileSystem.newInstance(dfs.getURI(), dfs.getConfiguration(0))) {
            BlobStore storeOfTheDyingJobManager = new FileSystemBlobStore(
                    new CrashingFileSystem((DistributedFileSystem) dying, content.length / 2), base);
            assertThrows(CrashingFileSystem.ProcessKilled.class, () -> storeOfTheDyingJobManager.put(jar, job, key));
        }
        assertFalse(namesIn(new Path(base, "job_" + job)).isEmpty(), "the crash left its half-written file");

        // the next JobManager sees nothing, neither in the store nor through its BlobServer
        assertFalse(store.get(job, key, local.resolve("copy")));
        assertEquals(Map.of(), store.listAll());
        try (BlobServer next =
                new BlobServer("127.0.0.1", 0, local.resolve("next-attempt"), store, null, Duration.ofHours(1))) {
            assertThrows(BlobNotFoundException.class, () -> next.getFile(job, key));
        }

        // the jar can be stored again, and cleaning up the job takes the leftover with it
        store.put(jar, job, key);
        assertTrue(store.get(job, key, local.resolve("copy")));
        assertArrayEquals(content, Files.readAllBytes(local.resolve("copy")));
        store.deleteAll(job);
        assertFalse(hdfs.exists(new Path(base, "job_" + job)));
    }

    @Test
    void failedUploadLeavesNoFileAndNamesTheJobAndKey() throws IOException {
        BlobStore store = createStore();
        BlobKey key = keyOf("unreadable");
        java.nio.file.Path notAFile = Files.createDirectory(local.resolve("a-directory"));

        IOException failure = assertThrows(IOException.class, () -> store.put(notAFile, job, key));

        assertTrue(
                failure.getMessage().contains(job.toString())
                        && failure.getMessage().contains(key.toString()),
                failure.getMessage());
        assertEquals(List.of(), namesIn(new Path(base, "job_" + job)));
        assertEquals(Map.of(), store.listAll());
    }

    private static List<String> namesIn(Path directory) throws IOException {
        if (!hdfs.exists(directory)) {
            return List.of();
        }
        return Arrays.stream(hdfs.listStatus(directory))
                .map(FileStatus::getPath)
                .map(Path::getName)
                .sorted()
                .toList();
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
