/**
 * Cluster-secret authentication of the Floe's TCP connections (blob, RPC and data ports).
 *
 * <p>Every process of a cluster holds the same {@link io.floe.runtime.security.ClusterSecret}.
 * A server proves nothing about itself; it makes each connecting client prove that it holds
 * the secret before any other byte of the connection is looked at:
 *
 * <pre>
 *  server                                   client
 *    │── magic "FLOE" + 32-byte nonce ────────▶│
 *    │◀──────── HMAC-SHA256(secret, nonce) ────│
 *    │── 0x01 accepted  (or 0x00, then close) ▶│
 *    │          ... the service's own protocol ...
 * </pre>
 *
 * <p>{@link io.floe.runtime.security.SecretChallengeServerHandler} and
 * {@link io.floe.runtime.security.SecretChallengeClientHandler} run this exchange as the first
 * handler of a Netty pipeline and remove themselves when it succeeds, so they know nothing of
 * the protocol that follows. Both run on the connection's event-loop thread. Refusals are
 * reported through a {@link io.floe.runtime.security.RefusedConnectionLog}, shared by all
 * connections of one server, which warns once per remote host.
 *
 * <p>The exchange authenticates clients only; it neither encrypts nor protects the stream
 * against a man in the middle. That needs TLS.
 */
package io.floe.runtime.security;
