package io.floe.runtime.rpc.netty;

import io.floe.runtime.rpc.FencedRpcGateway;
import io.floe.runtime.rpc.GatewayMethod;
import io.floe.runtime.rpc.GatewayMethodTable;
import io.floe.runtime.rpc.RpcAddress;
import io.floe.runtime.rpc.RpcGateway;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;

/**
 * Behind every gateway proxy. Turns a call of a gateway method into a tell ({@code void}) or an
 * ask ({@code CompletableFuture}) to one remote endpoint, on the calling thread. Answers
 * {@code getAddress}, {@code getHostname}, {@code getFencingToken} and the {@link Object} methods
 * locally; default methods of the gateway interface run locally too.
 */
final class RpcInvocationHandler implements InvocationHandler {

    private final RpcAddress target;
    private final Class<?> gatewayClass;
    private final GatewayMethodTable methods;
    private final Serializable fencingToken;
    private final String wireFencingToken;
    private final RpcRequestSender sender;
    private final Duration defaultTimeout;

    RpcInvocationHandler(
            RpcAddress target,
            Class<?> gatewayClass,
            GatewayMethodTable methods,
            Serializable fencingToken,
            RpcRequestSender sender,
            Duration defaultTimeout) {
        this.target = target;
        this.gatewayClass = gatewayClass;
        this.methods = methods;
        this.fencingToken = fencingToken;
        this.wireFencingToken = fencingToken == null ? null : fencingToken.toString();
        this.sender = sender;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        Class<?> declaringClass = method.getDeclaringClass();
        if (declaringClass == Object.class) {
            return invokeObjectMethod(proxy, method, arguments);
        }
        if (declaringClass == RpcGateway.class || declaringClass == FencedRpcGateway.class) {
            return invokeLocalAccessor(method);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, arguments);
        }
        GatewayMethod gatewayMethod = methods.get(method);
        if (!gatewayMethod.isAsk()) {
            sender.tell(target, wireFencingToken, gatewayMethod, arguments);
            return null;
        }
        return sender.ask(target, wireFencingToken, gatewayMethod, arguments, timeoutOf(gatewayMethod, arguments));
    }

    private Duration timeoutOf(GatewayMethod method, Object[] arguments) {
        int index = method.timeoutParameterIndex();
        if (index >= 0 && arguments[index] != null) {
            return (Duration) arguments[index];
        }
        return defaultTimeout;
    }

    private Object invokeLocalAccessor(Method method) {
        return switch (method.getName()) {
            case "getAddress" -> target.toString();
            case "getHostname" -> target.host();
            case "getFencingToken" -> fencingToken;
            default -> throw new UnsupportedOperationException("Unknown gateway accessor " + method);
        };
    }

    private Object invokeObjectMethod(Object proxy, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0] || sameTarget(arguments[0]);
            case "hashCode" -> Objects.hash(target, gatewayClass, wireFencingToken);
            case "toString" ->
                gatewayClass.getSimpleName() + "(" + target
                        + (fencingToken == null ? "" : ", fencing token " + fencingToken) + ")";
            default -> throw new UnsupportedOperationException("Unexpected Object method " + method);
        };
    }

    private boolean sameTarget(Object other) {
        if (other == null || !Proxy.isProxyClass(other.getClass())) {
            return false;
        }
        return Proxy.getInvocationHandler(other) instanceof RpcInvocationHandler handler
                && handler.target.equals(target)
                && handler.gatewayClass == gatewayClass
                && Objects.equals(handler.wireFencingToken, wireFencingToken);
    }
}
