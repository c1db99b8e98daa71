package io.floe.runtime.rest;

import io.floe.runtime.security.ClusterSecret;
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
 * @param idlenessTimeout a connection that sends and receives nothing for this long while no answer
 *     is owed, or that takes longer to send a request's head, is closed ({@code rest.idleness-timeout})
 * @param mutationSecret the cluster secret whose {@link io.floe.runtime.security.RestAuthorization}
 *     every request other than GET, HEAD and OPTIONS must carry ({@code rest.authentication:
 *     cluster-secret}); null lets anyone change the cluster ({@code none})
 */
public record RestServerConfig(
        String bindAddress,
        int port,
        long maxContentLengthBytes,
        Path uploadDirectory,
        Duration requestTimeout,
        Duration idlenessTimeout,
        ClusterSecret mutationSecret) {

    /** Flink's {@code rest.server.max-content-length} default: 100 MiB. */
    public static final long DEFAULT_MAX_CONTENT_LENGTH = 104_857_600L;
    /** Flink's {@code web.timeout} default: 10 minutes. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** Flink's {@code rest.idleness-timeout} default: 5 minutes. */
    public static final Duration DEFAULT_IDLENESS_TIMEOUT = Duration.ofMinutes(5);

    public RestServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(uploadDirectory, "uploadDirectory");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idlenessTimeout, "idlenessTimeout");
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
        if (idlenessTimeout.isNegative() || idlenessTimeout.isZero()) {
            throw new IllegalArgumentException("rest.idleness-timeout must be positive, not " + idlenessTimeout + ".");
        }
    }

    /** With Flink's default idleness timeout, and no authentication. */
    public RestServerConfig(
            String bindAddress, int port, long maxContentLengthBytes, Path uploadDirectory, Duration requestTimeout) {
        this(bindAddress, port, maxContentLengthBytes, uploadDirectory, requestTimeout, DEFAULT_IDLENESS_TIMEOUT, null);
    }

    /** The same server, demanding {@code secret}'s authorization for calls that change the cluster. */
    public RestServerConfig withMutationSecret(ClusterSecret secret) {
        return new RestServerConfig(
                bindAddress, port, maxContentLengthBytes, uploadDirectory, requestTimeout, idlenessTimeout, secret);
    }

    /** With Flink's default request and idleness timeouts, and no authentication. */
    public RestServerConfig(String bindAddress, int port, long maxContentLengthBytes, Path uploadDirectory) {
        this(bindAddress, port, maxContentLengthBytes, uploadDirectory, DEFAULT_REQUEST_TIMEOUT);
    }
}
