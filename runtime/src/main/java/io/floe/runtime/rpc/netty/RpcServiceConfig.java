package io.floe.runtime.rpc.netty;

import io.floe.runtime.rpc.RpcTimeout;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link NettyRpcService}.
 *
 * @param bindAddress the local address the server socket binds to, e.g. {@code 0.0.0.0}
 * @param externalAddress the host name other processes use to reach this service; {@code null}
 *     means the bind address
 * @param port the port to bind, {@code 0} for an ephemeral port
 * @param askTimeout default bound of an ask without an {@link RpcTimeout} parameter; also bounds
 *     connecting and the connect handshake
 * @param maxFrameSizeBytes largest frame accepted or sent, including its 4-byte length prefix
 */
public record RpcServiceConfig(
        String bindAddress, String externalAddress, int port, Duration askTimeout, int maxFrameSizeBytes) {

    /** Default ask timeout, as in Flink ({@code pekko.ask.timeout}). */
    public static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(10);

    /** Default frame size cap, as in Flink ({@code pekko.framesize}): 10 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE_BYTES = 10 * 1024 * 1024;

    /** Smallest accepted frame size cap; anything smaller could not carry a handshake. */
    static final int MIN_FRAME_SIZE_BYTES = 1024;

    public RpcServiceConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(askTimeout, "askTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("RPC port must be within 0..65535, was " + port);
        }
        if (askTimeout.isNegative() || askTimeout.isZero()) {
            throw new IllegalArgumentException("askTimeout must be positive, was " + askTimeout);
        }
        if (maxFrameSizeBytes < MIN_FRAME_SIZE_BYTES) {
            throw new IllegalArgumentException(
                    "maxFrameSizeBytes must be at least " + MIN_FRAME_SIZE_BYTES + ", was " + maxFrameSizeBytes);
        }
    }

    /** Returns the host name others use to reach this service. */
    public String reachableAddress() {
        return externalAddress != null ? externalAddress : bindAddress;
    }
}
