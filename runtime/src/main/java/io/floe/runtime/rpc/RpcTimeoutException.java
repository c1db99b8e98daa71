package io.floe.runtime.rpc;

/** An ask was not answered within its timeout. The message names the method and the address. */
public class RpcTimeoutException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcTimeoutException(String message) {
        super(message);
    }
}
