package io.floe.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlobKeyTest {
    private static final String HASH = "ab".repeat(32);

    @Test
    void stringFormIsReadBack() {
        BlobKey key = new BlobKey(BlobType.PERMANENT, HASH);

        assertEquals("p-" + HASH, key.toString());
        assertEquals(key, BlobKey.parse(key.toString()));
        assertEquals(new BlobKey(BlobType.TRANSIENT, HASH), BlobKey.parse("t-" + HASH));
    }

    @Test
    void refusesMalformedKeys() {
        assertThrows(IllegalArgumentException.class, () -> new BlobKey(BlobType.PERMANENT, "AB".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> new BlobKey(BlobType.PERMANENT, "ab"));
        assertThrows(IllegalArgumentException.class, () -> new BlobKey(null, HASH));
        assertThrows(IllegalArgumentException.class, () -> BlobKey.parse("x-" + HASH));
        assertThrows(IllegalArgumentException.class, () -> BlobKey.parse("p_" + HASH));
        assertThrows(IllegalArgumentException.class, () -> BlobKey.parse("../../etc/passwd"));
    }
}
