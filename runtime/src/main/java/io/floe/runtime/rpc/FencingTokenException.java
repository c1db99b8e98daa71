package io.floe.runtime.rpc;

/**
 * A fenced call carried a stale or missing fencing token, or the endpoint currently has no token.
 * The gateway method was not invoked.
 */
public class FencingTokenException extends RpcException {

    private static final long serialVersionUID = 1L;

    public FencingTokenException(String message) {
        super(message);
    }
}
