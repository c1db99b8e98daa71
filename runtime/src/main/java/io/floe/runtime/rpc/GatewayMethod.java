package io.floe.runtime.rpc;

import com.fasterxml.jackson.databind.JavaType;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One invocable gateway method and what the wire needs to know about it.
 *
 * @param method the interface method (invoked reflectively on the endpoint)
 * @param parameterTypes declared generic parameter types; arguments are deserialized into these
 * @param resultType the {@code T} of {@code CompletableFuture<T>}, or {@code null} for a tell
 * @param timeoutParameterIndex index of the {@link RpcTimeout} parameter, or -1
 * @param fenced whether the method is declared in an interface extending {@link FencedRpcGateway}
 */
public record GatewayMethod(
        Method method, List<JavaType> parameterTypes, JavaType resultType, int timeoutParameterIndex, boolean fenced) {

    public String name() {
        return method.getName();
    }

    public boolean isAsk() {
        return resultType != null;
    }

    /** Returns {@code Gateway.method}, used in log lines and exception messages. */
    public String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
