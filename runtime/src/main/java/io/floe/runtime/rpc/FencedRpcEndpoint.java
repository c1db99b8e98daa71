package io.floe.runtime.rpc;

import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint whose fenced gateway methods (those declared in interfaces extending
 * {@link FencedRpcGateway}) run only for callers holding its current fencing token. Calls with a
 * stale or missing token fail with {@link FencingTokenException} without invoking the method;
 * while the token is {@code null} every fenced call is refused. Methods of plain gateways the
 * endpoint also implements are not fenced.
 *
 * @param <F> type of the fencing token; compared by {@code toString()}
 */
public abstract class FencedRpcEndpoint<F extends Serializable> extends RpcEndpoint implements FencedRpcGateway<F> {

    private static final Logger LOG = LoggerFactory.getLogger(FencedRpcEndpoint.class);

    /** Written on the main thread, readable from any thread. */
    private volatile F fencingToken;

    /**
     * @param initialFencingToken the token fenced calls must carry; {@code null} to refuse them all
     */
    protected FencedRpcEndpoint(RpcService rpcService, String endpointId, F initialFencingToken) {
        super(rpcService, endpointId);
        this.fencingToken = initialFencingToken;
    }

    /**
     * Replaces the fencing token; calls carrying the old one are refused from now on. {@code null}
     * refuses all fenced calls. Main thread only (IllegalStateException otherwise).
     */
    protected final void setFencingToken(F newToken) {
        validateRunsInMainThread();
        LOG.info("Fencing token of RPC endpoint {} changed from {} to {}", getEndpointId(), fencingToken, newToken);
        fencingToken = newToken;
    }

    /** Returns the current fencing token, or {@code null}. Callable from any thread. */
    @Override
    public final F getFencingToken() {
        return fencingToken;
    }

    @Override
    void checkFencingToken(String receivedToken) {
        F current = fencingToken;
        if (current == null) {
            throw new FencingTokenException(
                    "Endpoint " + getAddress() + " has no fencing token and refuses fenced calls");
        }
        if (receivedToken == null) {
            throw new FencingTokenException("Fenced call to " + getAddress() + " carried no fencing token");
        }
        if (!receivedToken.equals(current.toString())) {
            throw new FencingTokenException("Fencing token " + receivedToken + " of a call to " + getAddress()
                    + " does not match the current token " + current);
        }
    }
}
