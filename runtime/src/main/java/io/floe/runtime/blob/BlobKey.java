package io.floe.runtime.blob;

import java.util.HexFormat;

/**
 * Names a blob by its type and the SHA-256 of its content (64 lower-case hex digits). Equal
 * content gives equal keys, so storing the same jar twice for a job is harmless.
 *
 * <p>{@link #toString()} ({@code p-<hex>} or {@code t-<hex>}) is safe as a file name and is
 * read back by {@link #parse(String)}.
 */
public record BlobKey(BlobType type, String hash) {
    static final int HASH_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    public BlobKey {
        if (type == null) {
            throw new IllegalArgumentException("A blob key needs a type.");
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "A blob key's hash is 64 lower-case hex digits (SHA-256), not '" + hash + "'.");
        }
    }

    /** Parses the form written by {@link #toString()}. */
    public static BlobKey parse(String text) {
        if (text == null || text.length() != 66 || text.charAt(1) != '-') {
            throw new IllegalArgumentException(
                    "A blob key looks like p-<64 hex digits> or t-<64 hex digits>, not '" + text + "'.");
        }
        return new BlobKey(BlobType.ofPrefix(text.charAt(0)), text.substring(2));
    }

    static BlobKey of(BlobType type, byte[] digest) {
        return new BlobKey(type, HEX.formatHex(digest));
    }

    /** The hash as 32 bytes. */
    byte[] hashBytes() {
        return HEX.parseHex(hash);
    }

    @Override
    public String toString() {
        return type.prefix() + "-" + hash;
    }
}
