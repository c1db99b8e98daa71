package io.floe.runtime.security;

import java.io.IOException;

/** A connection failed the cluster-secret challenge, or the peer did not take part in it. */
public class ClusterAuthenticationException extends IOException {
    private static final long serialVersionUID = 1L;

    public ClusterAuthenticationException(String message) {
        super(message);
    }
}
