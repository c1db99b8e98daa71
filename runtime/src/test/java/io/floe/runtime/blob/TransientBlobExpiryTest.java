package io.floe.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransientBlobExpiryTest {
    private final AtomicLong now = new AtomicLong();
    private final TransientBlobExpiry expiry = new TransientBlobExpiry(Duration.ofNanos(100), now::get);
    private final BlobKey a = new BlobKey(BlobType.TRANSIENT, "a".repeat(64));
    private final BlobKey b = new BlobKey(BlobType.TRANSIENT, "b".repeat(64));

    @Test
    void blobExpiresAfterTheTimeToLiveSinceItsLastAccess() {
        expiry.touch(a);
        expiry.touch(b);
        now.set(80);
        expiry.touch(b);

        now.set(101);

        assertEquals(List.of(a), expiry.expired());
        assertTrue(expiry.isExpired(a));
        assertFalse(expiry.isExpired(b));
    }

    @Test
    void forgottenBlobNeverExpires() {
        expiry.touch(a);
        expiry.forget(a);
        now.set(1_000);

        assertEquals(List.of(), expiry.expired());
    }
}
