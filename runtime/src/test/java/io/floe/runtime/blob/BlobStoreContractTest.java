package io.floe.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.api.JobId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of every {@link BlobStore}. A store either keeps blobs ({@link #keepsBlobs()})
 * and then returns exactly what was put, or keeps none and finds nothing; it never returns
 * other bytes. Public, so that modules with stores on real systems (HDFS) run it too.
 */
public abstract class BlobStoreContractTest {
    @TempDir
    Path localDir;

    private BlobStore store;
    private final JobId job = JobId.generate();
    private final JobId otherJob = JobId.generate();

    /** A fresh, empty store; called once per test. */
    protected abstract BlobStore createStore() throws IOException;

    /** Whether the store under test keeps what is put into it. */
    protected abstract boolean keepsBlobs();

    @BeforeEach
    void createTheStore() throws IOException {
        store = createStore();
    }

    @Test
    void returnsWhatWasPut() throws IOException {
        BlobKey key = putBlob(job, "jar content");
        Path target = localDir.resolve("target");

        assertEquals(keepsBlobs(), store.get(job, key, target));
        if (keepsBlobs()) {
            assertArrayEquals(bytes("jar content"), Files.readAllBytes(target));
        } else {
            assertFalse(Files.exists(target), "a store that keeps nothing writes nothing");
        }
    }

    @Test
    void replacesTheTargetFile() throws IOException {
        BlobKey key = putBlob(job, "new");
        Path target = Files.writeString(localDir.resolve("target"), "an older and longer content");

        assertEquals(keepsBlobs(), store.get(job, key, target));
        assertArrayEquals(
                bytes(keepsBlobs() ? "new" : "an older and longer content"),
                Files.readAllBytes(target),
                "a store that keeps blobs replaces the target whole; one that keeps none leaves it alone");
    }

    @Test
    void findsNothingThatWasNotPutAndLeavesTheTargetAlone() throws IOException {
        putBlob(job, "stored");
        BlobKey missing = keyOf("never stored");
        Path target = localDir.resolve("target");

        assertFalse(store.get(job, missing, target));
        assertFalse(store.get(otherJob, keyOf("stored"), target));
        assertFalse(Files.exists(target));
    }

    @Test
    void puttingTheSameBlobTwiceIsHarmless() throws IOException {
        BlobKey key = putBlob(job, "twice");
        assertEquals(key, putBlob(job, "twice"));

        Path target = localDir.resolve("target");
        assertEquals(keepsBlobs(), store.get(job, key, target));
        if (keepsBlobs()) {
            assertArrayEquals(bytes("twice"), Files.readAllBytes(target));
            assertEquals(Map.of(job, Set.of(key)), store.listAll(), "stored once");
        } else {
            assertFalse(Files.exists(target));
        }
    }

    @Test
    void deletedBlobIsGoneAndOthersStay() throws IOException {
        BlobKey deleted = putBlob(job, "a");
        BlobKey kept = putBlob(job, "b");

        store.delete(job, deleted);

        assertFalse(store.get(job, deleted, localDir.resolve("a")));
        assertEquals(keepsBlobs(), store.get(job, kept, localDir.resolve("b")));
    }

    @Test
    void deletingWhatIsNotThereIsNoError() throws IOException {
        store.delete(job, keyOf("never stored"));
        store.deleteAll(otherJob);
    }

    @Test
    void deleteAllRemovesOneJobOnly() throws IOException {
        BlobKey first = putBlob(job, "a");
        putBlob(job, "b");
        BlobKey other = putBlob(otherJob, "c");

        store.deleteAll(job);

        assertFalse(store.get(job, first, localDir.resolve("a")));
        assertEquals(keepsBlobs(), store.get(otherJob, other, localDir.resolve("c")));
        assertEquals(keepsBlobs() ? Map.of(otherJob, Set.of(other)) : Map.of(), store.listAll());
    }

    @Test
    void listsEveryKeyPerJob() throws IOException {
        BlobKey a = putBlob(job, "a");
        BlobKey b = putBlob(job, "b");
        BlobKey c = putBlob(otherJob, "c");

        Map<JobId, Set<BlobKey>> expected = Map.of(job, Set.of(a, b), otherJob, Set.of(c));
        assertEquals(keepsBlobs() ? expected : Map.of(), store.listAll());
    }

    @Test
    void emptyStoreListsNothing() throws IOException {
        assertEquals(Map.of(), store.listAll());
    }

    @Test
    void refusesTransientBlobsAndBlobsWithoutAJob() {
        Path file = localDir.resolve("file");
        BlobKey transientKey = new BlobKey(BlobType.TRANSIENT, keyOf("x").hash());

        assertThrows(IllegalArgumentException.class, () -> store.put(file, job, transientKey));
        assertThrows(IllegalArgumentException.class, () -> store.put(file, null, keyOf("x")));
    }

    private BlobKey putBlob(JobId jobId, String content) throws IOException {
        Path file = Files.write(Files.createTempFile(localDir, "blob", ".tmp"), bytes(content));
        BlobKey key = keyOf(content);
        store.put(file, jobId, key);
        return key;
    }

    public static BlobKey keyOf(String content) {
        return BlobKey.of(BlobType.PERMANENT, BlobContentHash.newDigest().digest(bytes(content)));
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
