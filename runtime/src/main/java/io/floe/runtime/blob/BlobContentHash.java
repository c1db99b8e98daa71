package io.floe.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Computes the SHA-256 content hash that names a blob. Stateless. */
final class BlobContentHash {
    private static final int BUFFER_SIZE = 64 * 1024;

    private BlobContentHash() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime must provide SHA-256
            throw new IllegalStateException("This Java runtime cannot compute SHA-256", e);
        }
    }

    /** Copies {@code in} to {@code target} (created or replaced) and returns the key of what was copied. */
    static BlobKey copy(InputStream in, Path target, BlobType type) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return BlobKey.of(type, digest.digest());
    }

    /** Whether the file's content hashes to the key's hash. */
    static boolean matches(Path file, BlobKey key) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return MessageDigest.isEqual(digest.digest(), key.hashBytes());
    }
}
