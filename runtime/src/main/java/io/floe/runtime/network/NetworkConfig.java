package io.floe.runtime.network;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link NetworkEnvironment}.
 *
 * @param bindHost address the data server listens on
 * @param externalHost address consumers use to reach this environment; also decides which channels
 *     are local
 * @param port data server port; 0 picks an ephemeral port
 * @param bufferSizeBytes size of a network buffer (32768 in production)
 * @param creditsPerChannel buffers a remote consumer lets its producer send ahead (2)
 * @param maxBuffersPerSubpartition finished buffers a subpartition queues before its writer blocks (10)
 * @param partitionRequestMaxBackoff total time a consumer keeps asking for a partition that is not
 *     registered yet before it fails (10 s)
 */
public record NetworkConfig(
        String bindHost,
        String externalHost,
        int port,
        int bufferSizeBytes,
        int creditsPerChannel,
        int maxBuffersPerSubpartition,
        Duration partitionRequestMaxBackoff) {

    public static final int DEFAULT_BUFFER_SIZE_BYTES = 32 * 1024;
    public static final int DEFAULT_CREDITS_PER_CHANNEL = 2;
    public static final int DEFAULT_MAX_BUFFERS_PER_SUBPARTITION = 10;
    public static final Duration DEFAULT_PARTITION_REQUEST_MAX_BACKOFF = Duration.ofSeconds(10);

    public NetworkConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(externalHost, "externalHost");
        Objects.requireNonNull(partitionRequestMaxBackoff, "partitionRequestMaxBackoff");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        // a buffer must at least hold a length prefix and a tag
        if (bufferSizeBytes < 64) {
            throw new IllegalArgumentException("bufferSizeBytes must be >= 64, got " + bufferSizeBytes);
        }
        if (creditsPerChannel < 1) {
            throw new IllegalArgumentException("creditsPerChannel must be >= 1, got " + creditsPerChannel);
        }
        if (maxBuffersPerSubpartition < 1) {
            throw new IllegalArgumentException(
                    "maxBuffersPerSubpartition must be >= 1, got " + maxBuffersPerSubpartition);
        }
        if (partitionRequestMaxBackoff.isNegative()) {
            throw new IllegalArgumentException(
                    "partitionRequestMaxBackoff must not be negative, got " + partitionRequestMaxBackoff);
        }
    }

    /** The production defaults, listening on {@code host} at an ephemeral port. */
    public static NetworkConfig defaults(String host) {
        return new NetworkConfig(
                host,
                host,
                0,
                DEFAULT_BUFFER_SIZE_BYTES,
                DEFAULT_CREDITS_PER_CHANNEL,
                DEFAULT_MAX_BUFFERS_PER_SUBPARTITION,
                DEFAULT_PARTITION_REQUEST_MAX_BACKOFF);
    }
}
