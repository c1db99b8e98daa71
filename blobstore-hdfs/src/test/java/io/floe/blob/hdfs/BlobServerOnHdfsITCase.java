package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.blob.BlobCache;
import io.floe.runtime.blob.BlobKey;
import io.floe.runtime.blob.BlobNotFoundException;
import io.floe.runtime.blob.BlobServer;
import io.floe.tools.miniyarn.MiniHadoopSettings;
import io.floe.tools.miniyarn.testing.MiniHadoopExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's job jars on HDFS, as with {@code high-availability.storageDir}: each test's first
 * BlobServer is one ApplicationMaster attempt, a second BlobServer with an empty storage
 * directory on the same store is the next attempt, and TaskManagers fetch through a BlobCache
 * over TCP.
 */
class BlobServerOnHdfsITCase {
    private static final Duration HOUR = Duration.ofHours(1);

    @RegisterExtension
    static final MiniHadoopExtension HADOOP = new MiniHadoopExtension(MiniHadoopSettings.hdfsOnly());

    static MiniDFSCluster dfs;
    static FileSystem hdfs;

    @TempDir
    java.nio.file.Path local;

    private Path haBlobDirectory;
    private FileSystemBlobStore store;
    private java.nio.file.Path jar;
    private final JobId job = JobId.generate();

    @BeforeAll
    static void startHdfs() throws IOException {
        dfs = HADOOP.hadoop().dfs();
        hdfs = dfs.getFileSystem();
    }

    /** The store as JobManagerServices opens it: {@code <high-availability.storageDir>/blob}. */
    @BeforeEach
    void openStoreAndWriteJar() throws IOException {
        haBlobDirectory = new Path(dfs.getURI().toString(), "/floe/ha-" + UUID.randomUUID() + "/blob");
        store = new FileSystemBlobStore(haBlobDirectory);
        jar = writeJar(local.resolve("job.jar"));
    }

    @Test
    void nextAttemptServesTheJarOfThePreviousOneFromHdfs() throws IOException {
        BlobKey key;
        try (BlobServer firstAttempt = server("attempt-1")) {
            key = firstAttempt.putPermanent(job, jar);
        }
        assertFalse(Files.exists(local.resolve("attempt-1")), "the first attempt's local copy is gone");

        try (BlobServer nextAttempt = server("attempt-2");
                BlobCache taskManager =
                        new BlobCache(local.resolve("task-manager"), "127.0.0.1", nextAttempt.getPort(), null, HOUR)) {
            java.nio.file.Path served = taskManager.getFile(job, key);

            assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(served));
            assertEquals(1, nextAttempt.fetchRequestCount());
        }
    }

    @Test
    void corruptedCopyOnHdfsIsRefusedNamingTheJobAndKey() throws IOException {
        BlobKey key;
        try (BlobServer firstAttempt = server("attempt-1")) {
            key = firstAttempt.putPermanent(job, jar);
        }
        HdfsFiles.flipFirstByte(hdfs, new Path(haBlobDirectory, "job_" + job + "/blob_" + key));

        try (BlobServer nextAttempt = server("attempt-2");
                BlobCache taskManager =
                        new BlobCache(local.resolve("task-manager"), "127.0.0.1", nextAttempt.getPort(), null, HOUR)) {
            IOException fetchFailure = assertThrows(IOException.class, () -> taskManager.getFile(job, key));
            IOException serverFailure = assertThrows(IOException.class, () -> nextAttempt.getFile(job, key));

            for (IOException failure : List.of(fetchFailure, serverFailure)) {
                String message = failure.getMessage();
                assertFalse(failure instanceof BlobNotFoundException, message);
                assertTrue(
                        message.contains("corrupted")
                                && message.contains(job.toString())
                                && message.contains(key.toString()),
                        message);
            }
            assertFalse(Files.exists(
                    local.resolve("attempt-2").resolve("job_" + job).resolve("blob_" + key)));
            assertFalse(Files.exists(
                    local.resolve("task-manager").resolve("job_" + job).resolve("blob_" + key)));
        }
    }

    @Test
    void jarSubmittedAgainToTheNextAttemptReplacesTheStoredCopy() throws IOException {
        BlobKey key;
        try (BlobServer firstAttempt = server("attempt-1")) {
            key = firstAttempt.putPermanent(job, jar);
        }

        try (BlobServer nextAttempt = server("attempt-2")) {
            assertEquals(key, nextAttempt.putPermanent(job, jar));
        }

        assertEquals(List.of("blob_" + key), namesIn(new Path(haBlobDirectory, "job_" + job)));
        java.nio.file.Path copy = local.resolve("copy");
        assertTrue(store.get(job, key, copy));
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(copy));
    }

    @Test
    void cleanupRemovesTheJobsDirectoryFromHdfsAndNoOtherJobs() throws IOException {
        JobId otherJob = JobId.generate();
        BlobKey key;
        try (BlobServer server = server("attempt-1")) {
            key = server.putPermanent(job, jar);
            server.putPermanent(job, new byte[] {1, 2, 3});
            server.putPermanent(otherJob, jar);

            server.cleanupJob(job);
        }

        assertFalse(hdfs.exists(new Path(haBlobDirectory, "job_" + job)));
        assertEquals(List.of("job_" + otherJob), namesIn(haBlobDirectory));
        try (BlobServer nextAttempt = server("attempt-2")) {
            assertThrows(BlobNotFoundException.class, () -> nextAttempt.getFile(job, key));
        }
    }

    private BlobServer server(String localDirectory) throws IOException {
        return new BlobServer("127.0.0.1", 0, local.resolve(localDirectory), store, null, HOUR);
    }

    /** A jar of some classes' worth of incompressible bytes, several of the protocol's chunks long. */
    private static java.nio.file.Path writeJar(java.nio.file.Path file) throws IOException {
        byte[] payload = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(payload);
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("io/floe/example/Payload.bin"));
            jarOut.write(payload);
            jarOut.closeEntry();
        }
        return file;
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
}
