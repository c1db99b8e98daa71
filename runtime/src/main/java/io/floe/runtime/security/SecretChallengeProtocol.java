package io.floe.runtime.security;

/** The bytes of the challenge exchange described in {@code package-info}. */
final class SecretChallengeProtocol {
    /** "FLOE": opens every challenge, so a client can tell it apart from a service's reply. */
    static final int MAGIC = 0x464C4F45;

    static final int NONCE_LENGTH = 32;
    static final int CHALLENGE_LENGTH = Integer.BYTES + NONCE_LENGTH;
    /** HMAC-SHA256 output length. */
    static final int ANSWER_LENGTH = 32;

    static final byte ACCEPTED = 0x01;
    static final byte REFUSED = 0x00;

    private SecretChallengeProtocol() {}
}
