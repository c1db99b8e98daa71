package io.floe.runtime.security;

import io.floe.configuration.Configuration;
import io.floe.configuration.SecurityOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret shared by all processes of one cluster, used to authenticate connections.
 *
 * <p>On disk a secret is one line of Base64 text, readable by its owner only. Immutable and
 * thread-safe; {@link #toString()} never reveals the bytes.
 */
public final class ClusterSecret {
    /** Length of a {@linkplain #generate() generated} secret, in bytes. */
    public static final int GENERATED_LENGTH = 32;
    /** Shorter secrets are refused: they can be guessed. */
    public static final int MINIMUM_LENGTH = 16;

    private static final String HMAC_ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] bytes;

    private ClusterSecret(byte[] bytes) {
        if (bytes.length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException(
                    "A cluster secret needs at least " + MINIMUM_LENGTH + " bytes, got " + bytes.length + ".");
        }
        this.bytes = bytes;
    }

    /** The secret's bytes (a copy), for components that take the raw secret. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** A secret of the given bytes (copied). */
    public static ClusterSecret of(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("The cluster secret bytes are null.");
        }
        return new ClusterSecret(bytes.clone());
    }

    /** A new secret of {@value #GENERATED_LENGTH} random bytes. */
    public static ClusterSecret generate() {
        return generate(new SecureRandom());
    }

    /** A new secret of {@value #GENERATED_LENGTH} bytes from the given source. */
    public static ClusterSecret generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_LENGTH];
        random.nextBytes(bytes);
        return new ClusterSecret(bytes);
    }

    /** The secret's file name in a configuration directory, where {@code start-cluster.sh} creates it. */
    public static final String DEFAULT_FILE_NAME = "cluster-secret";

    /**
     * Where a cluster's secret is: {@code security.cluster-secret.file}, else {@value #DEFAULT_FILE_NAME}
     * in {@code confDir}; null if neither is set. The file need not exist.
     */
    public static Path location(Configuration configuration, Path confDir) {
        if (configuration.contains(SecurityOptions.CLUSTER_SECRET_FILE)) {
            return Path.of(configuration.get(SecurityOptions.CLUSTER_SECRET_FILE));
        }
        return confDir == null ? null : confDir.resolve(DEFAULT_FILE_NAME);
    }

    /**
     * Reads a secret written by {@link #writeTo(Path)} (one line of Base64).
     *
     * @throws IOException if the file cannot be read or does not hold a valid secret; the
     *     message names the file
     */
    public static ClusterSecret load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), "file " + file);
    }

    /**
     * A secret from the text of a file written by {@link #writeTo(Path)}.
     *
     * @param where names the text's origin in the message of a failure
     * @throws IOException if it does not hold a valid secret
     */
    public static ClusterSecret parse(String text, String where) throws IOException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("The cluster secret " + where + " does not hold one line of Base64.", e);
        }
        try {
            return new ClusterSecret(decoded);
        } catch (IllegalArgumentException e) {
            throw new IOException("The cluster secret " + where + " is unusable: " + e.getMessage(), e);
        }
    }

    /**
     * Writes this secret to a new file that only its owner may read (where the file system
     * has POSIX permissions).
     *
     * @throws FileAlreadyExistsException if the file exists: a secret is never overwritten
     */
    public void writeTo(Path file) throws IOException {
        byte[] line = (Base64.getEncoder().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.write(file, line, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** HMAC-SHA256 of the message under this secret (32 bytes). */
    public byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_ALGORITHM);
            mac.init(new SecretKeySpec(bytes, HMAC_ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // every Java runtime must provide HmacSHA256
            throw new IllegalStateException("This Java runtime cannot compute " + HMAC_ALGORITHM, e);
        }
    }

    /** Whether {@code answer} is the HMAC of {@code message}; compares in constant time. */
    public boolean isValidAnswer(byte[] message, byte[] answer) {
        return answer != null && MessageDigest.isEqual(hmac(message), answer);
    }

    @Override
    public String toString() {
        return "ClusterSecret(" + bytes.length + " bytes)";
    }
}
