package io.floe.runtime.rpc;

import java.io.Serializable;

/**
 * A gateway whose calls carry a fencing token. Every method declared in an interface that extends
 * this one is <em>fenced</em>: the receiving {@link FencedRpcEndpoint} invokes it only when the
 * token sent with the call equals (by {@code toString()}) its current token, and otherwise fails
 * the call with {@link FencingTokenException}. This lets a new leader ignore the messages of a
 * deposed one.
 *
 * @param <F> type of the fencing token, typically a leader session id
 */
public interface FencedRpcGateway<F extends Serializable> extends RpcGateway {

    /**
     * Returns the fencing token this gateway sends with each call (on a proxy), or the endpoint's
     * current token (on the endpoint itself); {@code null} when there is none. Callable from any
     * thread; answered locally.
     */
    F getFencingToken();
}
