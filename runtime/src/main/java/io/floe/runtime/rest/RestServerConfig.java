package io.floe.runtime.rest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the REST server listens and what it accepts.
 *
 * @param bindAddress the interface to bind ({@code rest.bind-address}); {@code 0.0.0.0} for all
 * @param port the port to bind ({@code rest.port}); 0 picks a free one, see
 *     {@link RestServerEndpoint#getPort()}
 * @param maxContentLengthBytes the largest request body, uploads included
 *     ({@code rest.server.max-content-length}); larger ones get 413
 * @param uploadDirectory where multipart uploads are written while a request is handled
 *     ({@code web.upload.dir}); created if missing
 * @param requestTimeout how long the server waits for the Dispatcher to hand over data it already
 *     has, such as the result of an ended job ({@code web.timeout})
 */
public record RestServerConfig(String bindAddress, int port, long maxContentLengthBytes, Path uploadDirectory,
        Duration requestTimeout) {

    /** Flink's {@code rest.server.max-content-length} default: 100 MiB. */
    public static final long DEFAULT_MAX_CONTENT_LENGTH = 104_857_600L;
    /** Flink's {@code web.timeout} default: 10 minutes. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);

    public RestServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(uploadDirectory, "uploadDirectory");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("rest.port must be between 0 and 65535, not " + port + ".");
        }
        if (maxContentLengthBytes <= 0) {
            throw new IllegalArgumentException(
                    "rest.server.max-content-length must be positive, not " + maxContentLengthBytes + ".");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("web.timeout must be positive, not " + requestTimeout + ".");
        }
    }

    /** With Flink's default request timeout. */
    public RestServerConfig(String bindAddress, int port, long maxContentLengthBytes, Path uploadDirectory) {
        this(bindAddress, port, maxContentLengthBytes, uploadDirectory, DEFAULT_REQUEST_TIMEOUT);
    }
}
