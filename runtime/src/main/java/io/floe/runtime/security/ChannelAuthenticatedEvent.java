package io.floe.runtime.security;

/**
 * Fired down the pipeline, as a user event, when a connection has passed the secret challenge.
 * Handlers behind a {@link SecretChallengeServerHandler} may wait for it before they write.
 */
public enum ChannelAuthenticatedEvent {
    INSTANCE
}
