package io.floe.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The credential of REST calls that change a cluster ({@code POST /jobs}, {@code PATCH /jobs/:id},
 * {@code DELETE /cluster}, ...): an {@code Authorization: Bearer <token>} header whose token is the
 * HMAC-SHA256 of a fixed purpose under the cluster secret. Whoever holds the secret (the
 * {@code floe} CLI from {@code conf/cluster-secret}, or from the YARN application's staging
 * directory, which only its owner can read) can compute it; it reveals nothing of the secret, and
 * a token of one cluster is worthless for another. Like any bearer token over plain HTTP, it can be
 * replayed by someone who can read the traffic. Stateless.
 */
public final class RestAuthorization {
    /** The header that carries it. */
    public static final String HEADER = "Authorization";

    private static final byte[] PURPOSE = "floe REST mutations, v1".getBytes(StandardCharsets.US_ASCII);
    private static final String SCHEME = "Bearer ";

    private RestAuthorization() {}

    /** The header value for calls to the cluster of {@code secret}. */
    public static String headerValue(ClusterSecret secret) {
        return SCHEME + HexFormat.of().formatHex(secret.hmac(PURPOSE));
    }

    /** Whether {@code header} (null if absent) is the credential of {@code secret}; constant time. */
    public static boolean isValid(ClusterSecret secret, String header) {
        return header != null
                && MessageDigest.isEqual(
                        headerValue(secret).getBytes(StandardCharsets.US_ASCII),
                        header.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
