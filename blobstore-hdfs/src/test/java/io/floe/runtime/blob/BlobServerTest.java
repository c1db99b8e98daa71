package io.floe.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.blob.hdfs.FileSystemBlobStore;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BlobServer with a durable store it writes through to and recovers from (here: in blobstore-hdfs, where that
 * store lives). */
class BlobServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path temp;

    private FileSystemBlobStore store;
    private BlobServer server;
    private final JobId job = JobId.generate();

    @BeforeEach
    void startServer() throws IOException {
        store = new FileSystemBlobStore(
                new org.apache.hadoop.fs.Path(temp.resolve("ha-store").toUri()));
        server = new BlobServer("127.0.0.1", 0, temp.resolve("server"), store, null, HOUR);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void permanentBlobIsNamedByItsSha256AndStoredLocallyAndDurably() throws Exception {
        Path jar = Files.writeString(temp.resolve("job.jar"), "classes");

        BlobKey key = server.putPermanent(job, jar);

        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes("classes")));
        assertEquals(new BlobKey(BlobType.PERMANENT, sha256), key);
        Path local = server.getFile(job, key);
        assertEquals(temp.resolve("server").resolve("job_" + job).resolve("blob_" + key), local);
        assertArrayEquals(bytes("classes"), Files.readAllBytes(local));
        assertEquals(Map.of(job, Set.of(key)), store.listAll());
    }

    @Test
    void sameContentGivesTheSameKey() throws IOException {
        assertEquals(server.putPermanent(job, bytes("x")), server.putPermanent(job, bytes("x")));
    }

    @Test
    void missingBlobIsReportedNamingTheKeyAndTheJob() {
        BlobKey key = BlobStoreContractTest.keyOf("never stored");

        BlobNotFoundException failure = assertThrows(BlobNotFoundException.class, () -> server.getFile(job, key));

        assertTrue(
                failure.getMessage().contains(key.toString())
                        && failure.getMessage().contains(job.toString()),
                failure.getMessage());
    }

    @Test
    void newServerRestoresPermanentBlobsFromTheBlobStore() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("the job's jar"));
        server.close();

        server = new BlobServer("127.0.0.1", 0, temp.resolve("new-server"), store, null, HOUR);
        Path restored = server.getFile(job, key);

        assertArrayEquals(bytes("the job's jar"), Files.readAllBytes(restored));
        assertTrue(restored.startsWith(temp.resolve("new-server")));
    }

    @Test
    void newServerServesRestoredBlobsToCaches() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("the job's jar"));
        server.close();
        server = new BlobServer("127.0.0.1", 0, temp.resolve("new-server"), store, null, HOUR);

        try (BlobCache cache =
                new BlobCache(temp.resolve("cache"), "127.0.0.1", server.getPort(), null, Duration.ZERO)) {
            assertArrayEquals(bytes("the job's jar"), Files.readAllBytes(cache.getFile(job, key)));
        }
    }

    @Test
    void corruptedCopyInTheBlobStoreIsNotRestored() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("original"));
        server.close();
        Path stored = temp.resolve("ha-store").resolve("job_" + job).resolve("blob_" + key);
        Files.writeString(stored, "tampered");

        server = new BlobServer("127.0.0.1", 0, temp.resolve("new-server"), store, null, HOUR);
        IOException failure = assertThrows(IOException.class, () -> server.getFile(job, key));

        assertTrue(
                failure.getMessage().contains("corrupted")
                        && failure.getMessage().contains(key.toString()),
                failure.getMessage());
        assertFalse(
                Files.exists(temp.resolve("new-server").resolve("job_" + job).resolve("blob_" + key)));
    }

    @Test
    void cleanupDeletesTheJobsBlobsLocallyAndInTheStore() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("a"));
        JobId otherJob = JobId.generate();
        BlobKey otherKey = server.putPermanent(otherJob, bytes("b"));

        server.cleanupJob(job);

        assertFalse(Files.exists(temp.resolve("server").resolve("job_" + job)));
        assertEquals(Map.of(otherJob, Set.of(otherKey)), store.listAll());
        assertThrows(BlobNotFoundException.class, () -> server.getFile(job, key));
        assertTrue(Files.exists(server.getFile(otherJob, otherKey)));
    }

    @Test
    void transientBlobExpiresWhenNotAccessed() throws IOException {
        server.close();
        server = new BlobServer("127.0.0.1", 0, temp.resolve("short-lived"), store, null, Duration.ofMillis(200));
        BlobKey key = server.putTransient(bytes("a log file"));
        Path file = server.getFile(null, key);
        assertEquals(BlobType.TRANSIENT, key.type());
        assertTrue(file.startsWith(temp.resolve("short-lived").resolve("no_job")));

        Deadline.waitUntil(() -> !Files.exists(file), DEADLINE, "the transient blob to expire");

        assertThrows(BlobNotFoundException.class, () -> server.getFile(null, key));
        assertEquals(Map.of(), store.listAll());
    }

    @Test
    void refusesKeysOutsideTheirScope() {
        BlobKey permanent = BlobStoreContractTest.keyOf("p");
        BlobKey transientKey = new BlobKey(BlobType.TRANSIENT, permanent.hash());

        assertThrows(IllegalArgumentException.class, () -> server.getFile(null, permanent));
        assertThrows(IllegalArgumentException.class, () -> server.getFile(job, transientKey));
        assertThrows(IllegalArgumentException.class, () -> server.putPermanent(null, bytes("x")));
    }

    @Test
    void closeDeletesTheStorageDirectoryButNotTheStore() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("kept durably"));

        server.close();

        assertFalse(Files.exists(temp.resolve("server")));
        assertEquals(Map.of(job, Set.of(key)), store.listAll());
        assertThrows(IllegalStateException.class, () -> server.getFile(job, key));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
