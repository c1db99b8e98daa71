package io.floe.runtime.blob;

import static io.floe.runtime.blob.BlobCacheTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.security.ClusterAuthenticationException;
import io.floe.runtime.security.RefusedConnectionLog;
import io.floe.testutils.Deadline;
import io.floe.testutils.LogRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A BlobServer with a cluster secret and caches with the right, a wrong or no secret. */
class BlobServiceAuthenticationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final byte[] secret = randomSecret();
    private final JobId job = JobId.generate();
    private BlobServer server;
    private BlobKey key;

    @BeforeEach
    void start() throws IOException {
        server = new BlobServer(
                "127.0.0.1", 0, temp.resolve("server"), new VoidBlobStore(), secret, Duration.ofHours(1));
        key = server.putPermanent(job, bytes("job jar"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void cacheWithTheSecretFetches() throws IOException {
        try (BlobCache cache = cache("right", secret.clone())) {
            assertArrayEquals(bytes("job jar"), Files.readAllBytes(cache.getFile(job, key)));
        }
    }

    @Test
    void cachesWithoutOrWithAWrongSecretAreRefusedAndTheServerWarnsOnce() throws IOException {
        try (LogRecorder log = LogRecorder.attach(RefusedConnectionLog.class);
                BlobCache noSecret = cache("none", null);
                BlobCache wrongSecret = cache("wrong", randomSecret())) {

            IOException withoutSecret = assertThrows(IOException.class, () -> noSecret.getFile(job, key));
            assertTrue(withoutSecret.getMessage().contains("requires a cluster secret"), withoutSecret.getMessage());
            ClusterAuthenticationException withWrongSecret = assertInstanceOf(
                    ClusterAuthenticationException.class,
                    assertThrows(IOException.class, () -> wrongSecret.getFile(job, key)));
            assertTrue(withWrongSecret.getMessage().contains("refused"), withWrongSecret.getMessage());
            assertThrows(IOException.class, () -> wrongSecret.getFile(job, key));

            Deadline.waitUntil(
                    () -> log.messages(Level.WARN).size()
                                    + log.messages(Level.DEBUG).size()
                            == 3,
                    DEADLINE,
                    "the server to log three refusals");
            assertEquals(
                    1, log.messages(Level.WARN).size(), log.messages(Level.WARN).toString());
            assertTrue(log.messages(Level.WARN).get(0).contains("BlobServer refused a connection from 127.0.0.1"));
            assertEquals(0, server.fetchRequestCount());
        }
    }

    private BlobCache cache(String name, byte[] cacheSecret) throws IOException {
        return new BlobCache(temp.resolve("cache-" + name), "127.0.0.1", server.getPort(), cacheSecret, Duration.ZERO);
    }

    private static byte[] randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
