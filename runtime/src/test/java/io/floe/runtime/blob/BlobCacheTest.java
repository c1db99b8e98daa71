package io.floe.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A BlobCache against a real BlobServer on 127.0.0.1. */
class BlobCacheTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private BlobServer server;
    private BlobCache cache;
    private final JobId job = JobId.generate();

    @BeforeEach
    void start() throws IOException {
        server = new BlobServer("127.0.0.1", 0, temp.resolve("server"), new VoidBlobStore(), null, Duration.ofHours(1));
        cache = newCache(Duration.ZERO, null);
    }

    @AfterEach
    void stop() throws IOException {
        cache.close();
        server.close();
    }

    private BlobCache newCache(Duration retention, ScheduledExecutorService scheduler) throws IOException {
        return new BlobCache(temp.resolve("cache"), "127.0.0.1", server.getPort(), null, retention, scheduler);
    }

    @Test
    void multiMegabyteBlobArrivesIdentical() throws IOException {
        Path jar = randomFile("big.jar", 6 * 1024 * 1024 + 17);
        BlobKey key = server.putPermanent(job, jar);

        Path cached = cache.getFile(job, key);

        assertEquals(-1, Files.mismatch(jar, cached));
        assertEquals(temp.resolve("cache").resolve("job_" + job).resolve("blob_" + key), cached);
        assertEquals(1, server.fetchRequestCount());
    }

    @Test
    void intactCachedBlobIsNotFetchedAgain() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("jar"));
        cache.getFile(job, key);

        cache.getFile(job, key);

        assertEquals(1, server.fetchRequestCount());
    }

    @Test
    void corruptedCachedBlobIsDetectedAndFetchedAgain() throws IOException {
        Path jar = randomFile("job.jar", 300_000);
        BlobKey key = server.putPermanent(job, jar);
        Path cached = cache.getFile(job, key);
        byte[] content = Files.readAllBytes(cached);
        content[12_345] ^= 0x01;
        Files.write(cached, content);

        Path again = cache.getFile(job, key);

        assertEquals(-1, Files.mismatch(jar, again));
        assertEquals(2, server.fetchRequestCount());
    }

    @Test
    void truncatedCachedBlobIsFetchedAgain() throws IOException {
        Path jar = randomFile("job.jar", 100_000);
        BlobKey key = server.putPermanent(job, jar);
        Path cached = cache.getFile(job, key);
        try (var channel = Files.newByteChannel(cached, StandardOpenOption.WRITE)) {
            channel.truncate(50_000);
        }

        assertEquals(-1, Files.mismatch(jar, cache.getFile(job, key)));
        assertEquals(2, server.fetchRequestCount());
    }

    @Test
    void corruptedDownloadFailsNamingTheKeyAndLeavesNothingBehind() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("the real content"));
        Files.writeString(server.getFile(job, key), "something else!!");

        IOException failure = assertThrows(IOException.class, () -> cache.getFile(job, key));

        assertTrue(
                failure.getMessage().contains(key.toString())
                        && failure.getMessage().contains("corrupted"),
                failure.getMessage());
        assertEquals(List.of(), filesIn(temp.resolve("cache")));
    }

    @Test
    void blobMissingOnTheServerIsReportedNamingTheKey() {
        BlobKey key = BlobStoreContractTest.keyOf("never stored");

        BlobNotFoundException failure = assertThrows(BlobNotFoundException.class, () -> cache.getFile(job, key));

        assertTrue(failure.getMessage().contains(key.toString()), failure.getMessage());
        assertEquals(1, server.fetchRequestCount());
    }

    @Test
    void unreachableServerIsReportedNamingItsAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (BlobCache unreachable =
                new BlobCache(temp.resolve("other-cache"), "127.0.0.1", closedPort, null, Duration.ZERO)) {
            IOException failure =
                    assertThrows(IOException.class, () -> unreachable.getFile(job, BlobStoreContractTest.keyOf("x")));

            assertTrue(
                    failure.getMessage().contains("Could not connect to the BlobServer at 127.0.0.1:" + closedPort),
                    failure.getMessage());
        }
    }

    @Test
    void transientBlobsAreFetchedToo() throws IOException {
        BlobKey key = server.putTransient(bytes("taskmanager.log"));

        assertArrayEquals(bytes("taskmanager.log"), Files.readAllBytes(cache.getFile(null, key)));
    }

    @Test
    void concurrentRequestsForOneBlobFetchItOnce() throws Exception {
        Path jar = randomFile("job.jar", 2 * 1024 * 1024);
        BlobKey key = server.putPermanent(job, jar);
        ExecutorService tasks = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(tasks.submit(() -> cache.getFile(job, key)));
            }
            for (Future<Path> result : results) {
                assertEquals(-1, Files.mismatch(jar, result.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)));
            }
        } finally {
            tasks.shutdownNow();
        }
        assertEquals(1, server.fetchRequestCount());
    }

    @Test
    void releasingTheLastUserDeletesTheJobsFiles() throws IOException {
        BlobKey key = server.putPermanent(job, bytes("jar"));
        cache.registerJob(job);
        cache.registerJob(job);
        Path cached = cache.getFile(job, key);

        cache.releaseJob(job);
        assertTrue(Files.exists(cached));
        cache.releaseJob(job);

        assertFalse(Files.exists(cached.getParent()));
        assertThrows(IllegalStateException.class, () -> cache.releaseJob(job));
    }

    @Test
    void releasedJobsFilesGoAfterTheRetentionDelay() throws IOException {
        cache.close();
        cache = newCache(Duration.ofMillis(100), null);
        BlobKey key = server.putPermanent(job, bytes("jar"));
        cache.registerJob(job);
        Path cached = cache.getFile(job, key);

        cache.releaseJob(job);

        Deadline.waitUntil(() -> !Files.exists(cached), DEADLINE, "the released job's files to be deleted");
    }

    @Test
    void registeringAgainWithinTheRetentionDelayKeepsTheFiles() throws Exception {
        cache.close();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            cache = newCache(Duration.ofMillis(50), scheduler);
            BlobKey key = server.putPermanent(job, bytes("jar"));
            cache.registerJob(job);
            Path cached = cache.getFile(job, key);

            cache.releaseJob(job);
            cache.registerJob(job);
            // runs after the (cancelled) deletion would have: same single thread, later deadline
            scheduler.schedule(() -> null, 100, TimeUnit.MILLISECONDS).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

            assertTrue(Files.exists(cached));
            assertEquals(1, server.fetchRequestCount());
        } finally {
            cache.close();
            scheduler.shutdownNow();
        }
    }

    @Test
    void closeDeletesTheCacheDirectory() throws IOException {
        cache.getFile(job, server.putPermanent(job, bytes("jar")));

        cache.close();

        assertFalse(Files.exists(temp.resolve("cache")));
        assertThrows(IllegalStateException.class, () -> cache.registerJob(job));
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return Files.write(temp.resolve(name), content);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
