package io.floe.runtime.rpc;

/**
 * The RPC service at an address cannot be reached, the connection to it was lost, or the endpoint
 * found there does not implement the requested gateway. Asks pending on a lost connection fail
 * with this exception as soon as the loss is noticed.
 */
public class RpcConnectionException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcConnectionException(String message) {
        super(message);
    }

    public RpcConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
