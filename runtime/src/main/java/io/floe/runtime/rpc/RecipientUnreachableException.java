package io.floe.runtime.rpc;

/**
 * The RPC service at an address has no running endpoint with the requested id: it was never
 * started there, or it is closing or closed.
 */
public class RecipientUnreachableException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RecipientUnreachableException(String message) {
        super(message);
    }
}
