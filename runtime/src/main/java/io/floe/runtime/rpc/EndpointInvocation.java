package io.floe.runtime.rpc;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How every {@link RpcService} runs a call on an endpoint it hosts: on the endpoint's main thread, only while the
 * endpoint runs, and a fenced method only with the current fencing token. Services differ in how calls arrive (Netty
 * frames, in-memory proxies) and how answers leave: each implements {@link Answer}.
 */
public final class EndpointInvocation {

    /** Where the outcome of one call goes; exactly one method is called, once. */
    public interface Answer {
        /** The endpoint is closing or closed; the method was not invoked. */
        void unreachable(String message);

        /** A fenced call carried a stale or no token; the method was not invoked. */
        void fencingRefused(FencingTokenException refusal);

        /** The method threw, or the future it returned failed (unwrapped). */
        void failed(Throwable cause);

        /** The method returned: the value an ask's future completed with, or {@code null} for a tell. */
        void returned(Object value);
    }

    private EndpointInvocation() {}

    /**
     * Queues the call on the endpoint's main thread. {@code fencingToken} is the caller's token as a string, or null.
     */
    public static void dispatch(
            RpcEndpoint endpoint, GatewayMethod method, Object[] arguments, String fencingToken, Answer answer) {
        if (!endpoint.mainThread().tryExecute(() -> invoke(endpoint, method, arguments, fencingToken, answer))) {
            answer.unreachable(closedMessage(endpoint));
        }
    }

    private static void invoke(
            RpcEndpoint endpoint, GatewayMethod method, Object[] arguments, String fencingToken, Answer answer) {
        if (!endpoint.isRunning()) {
            answer.unreachable(closedMessage(endpoint));
            return;
        }
        if (method.fenced()) {
            try {
                endpoint.checkFencingToken(fencingToken);
            } catch (FencingTokenException e) {
                answer.fencingRefused(e);
                return;
            }
        }
        Object result;
        try {
            result = method.method().invoke(endpoint, arguments);
        } catch (InvocationTargetException e) {
            answer.failed(e.getCause());
            return;
        } catch (IllegalAccessException e) {
            answer.failed(e);
            return;
        }
        if (!method.isAsk()) {
            answer.returned(null);
        } else if (result == null) {
            answer.failed(new NullPointerException(method.describe() + " returned null instead of a future"));
        } else {
            ((CompletableFuture<?>) result).whenComplete((value, failure) -> {
                if (failure != null) {
                    answer.failed(unwrap(failure));
                } else {
                    answer.returned(value);
                }
            });
        }
    }

    private static String closedMessage(RpcEndpoint endpoint) {
        return "Endpoint " + endpoint.getAddress() + " is closing or closed";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
