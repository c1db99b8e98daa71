package io.floe.runtime.minicluster;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.blob.BlobCache;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.types.ResourceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BlobCaches of one TaskManager, one per BlobServer it fetches from (normally its JobManager's),
 * in a directory of its own under {@code blob.storage.directory} or the temp directory; all are
 * deleted when the TaskManager stops. Thread-safe.
 */
final class BlobCaches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCaches.class);

    private final Path directory;
    private final byte[] secret;
    private final Duration retention;
    private final Map<String, BlobCache> caches = new HashMap<>();

    BlobCaches(Configuration configuration, ResourceId resourceId, ClusterSecret secret) {
        String base = configuration.get(ClusterOptions.BLOB_STORAGE_DIRECTORY, System.getProperty("java.io.tmpdir"));
        this.directory = Path.of(base, "floe-blobcache-" + resourceId);
        this.secret = secret == null ? null : secret.toBytes();
        this.retention = configuration.get(ClusterOptions.BLOB_CLEANUP_INTERVAL);
    }

    /** The cache for the BlobServer at {@code host:port}, created on first use. */
    synchronized BlobCache forServer(String address) {
        return caches.computeIfAbsent(address, key -> {
            int colon = key.lastIndexOf(':');
            try {
                return new BlobCache(
                        directory.resolve(key.replace(':', '_')),
                        key.substring(0, colon),
                        Integer.parseInt(key.substring(colon + 1)),
                        secret,
                        retention);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the blob cache for " + key + " in " + directory, e);
            }
        });
    }

    @Override
    public synchronized void close() {
        for (BlobCache cache : caches.values()) {
            try {
                cache.close();
            } catch (IOException e) {
                LOG.warn("Could not remove the blob cache in {}", directory, e);
            }
        }
        caches.clear();
        directory.toFile().delete();
    }
}
