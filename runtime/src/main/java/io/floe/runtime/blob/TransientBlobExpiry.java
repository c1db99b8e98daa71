package io.floe.runtime.blob;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers when each transient blob was last stored or read, and tells which ones have not
 * been for longer than the time to live. Thread-safe.
 */
final class TransientBlobExpiry {
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Map<BlobKey, Long> lastAccess = new ConcurrentHashMap<>();

    TransientBlobExpiry(Duration ttl, LongSupplier nanoClock) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(
                    "The time to live of transient blobs must be positive, not " + ttl + ".");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    void touch(BlobKey key) {
        lastAccess.put(key, nanoClock.getAsLong());
    }

    void forget(BlobKey key) {
        lastAccess.remove(key);
    }

    /** Keys not touched for longer than the time to live. */
    List<BlobKey> expired() {
        long now = nanoClock.getAsLong();
        List<BlobKey> expired = new ArrayList<>();
        lastAccess.forEach((key, accessed) -> {
            if (now - accessed > ttlNanos) {
                expired.add(key);
            }
        });
        return expired;
    }

    /** Whether the key is still expired (it may have been touched since {@link #expired()}). */
    boolean isExpired(BlobKey key) {
        Long accessed = lastAccess.get(key);
        return accessed != null && nanoClock.getAsLong() - accessed > ttlNanos;
    }
}
