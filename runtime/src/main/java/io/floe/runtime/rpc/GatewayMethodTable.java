package io.floe.runtime.rpc;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The invocable methods of a gateway interface (client side) or of all gateway interfaces an
 * endpoint class implements (server side), looked up by name.
 *
 * <p>Only abstract methods of interfaces extending {@link RpcGateway} count; the accessors of
 * {@link RpcGateway} and {@link FencedRpcGateway} themselves are answered locally and default
 * methods run locally on the proxy. Building a table rejects, with an IllegalArgumentException
 * naming the method, overloaded names, return types other than {@code void} and
 * {@code CompletableFuture}, and misplaced {@link RpcTimeout} parameters.
 */
public final class GatewayMethodTable {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    private final Map<String, GatewayMethod> methodsByName;
    private final Set<String> gatewayInterfaceNames;

    private GatewayMethodTable(Map<String, GatewayMethod> methodsByName, Set<String> gatewayInterfaceNames) {
        this.methodsByName = methodsByName;
        this.gatewayInterfaceNames = gatewayInterfaceNames;
    }

    /** Builds the table of one gateway interface and its super-interfaces. */
    public static GatewayMethodTable forGateway(Class<?> gatewayInterface) {
        if (!gatewayInterface.isInterface() || !RpcGateway.class.isAssignableFrom(gatewayInterface)) {
            throw new IllegalArgumentException(
                    gatewayInterface.getName() + " is not an interface extending " + RpcGateway.class.getName());
        }
        return build(List.of(gatewayInterface));
    }

    /** Builds the table of every gateway interface an endpoint class implements. */
    public static GatewayMethodTable forEndpoint(Class<?> endpointClass) {
        List<Class<?>> roots = new ArrayList<>();
        for (Class<?> type = endpointClass; type != null; type = type.getSuperclass()) {
            roots.addAll(Arrays.asList(type.getInterfaces()));
        }
        return build(roots);
    }

    private static GatewayMethodTable build(List<Class<?>> roots) {
        Set<Class<?>> gateways = new LinkedHashSet<>();
        roots.forEach(root -> collectGatewayInterfaces(root, gateways));
        Map<String, GatewayMethod> methods = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> gateway : gateways) {
            names.add(gateway.getName());
            if (gateway == RpcGateway.class || gateway == FencedRpcGateway.class) {
                continue;
            }
            for (Method method : gateway.getDeclaredMethods()) {
                if (isRemoteMethod(method)) {
                    add(methods, describe(method));
                }
            }
        }
        return new GatewayMethodTable(Collections.unmodifiableMap(methods), Collections.unmodifiableSet(names));
    }

    private static void collectGatewayInterfaces(Class<?> type, Set<Class<?>> into) {
        if (type.isInterface() && RpcGateway.class.isAssignableFrom(type) && into.add(type)) {
            for (Class<?> parent : type.getInterfaces()) {
                collectGatewayInterfaces(parent, into);
            }
        }
    }

    private static boolean isRemoteMethod(Method method) {
        int modifiers = method.getModifiers();
        return Modifier.isAbstract(modifiers) && !Modifier.isStatic(modifiers) && !method.isSynthetic();
    }

    private static void add(Map<String, GatewayMethod> methods, GatewayMethod candidate) {
        GatewayMethod existing = methods.get(candidate.name());
        if (existing == null) {
            methods.put(candidate.name(), candidate);
            return;
        }
        Method a = existing.method();
        Method b = candidate.method();
        if (!Arrays.equals(a.getGenericParameterTypes(), b.getGenericParameterTypes())
                || !a.getGenericReturnType().equals(b.getGenericReturnType())) {
            throw new IllegalArgumentException("Gateway method name '" + candidate.name() + "' is overloaded (" + a
                    + " and " + b + "); RPC methods are looked up by name, so names must be unique");
        }
        if (candidate.fenced() && !existing.fenced()) {
            methods.put(candidate.name(), candidate); // redeclared in a fenced gateway: stay on the safe side
        }
    }

    private static GatewayMethod describe(Method method) {
        JavaType resultType = resultType(method);
        List<JavaType> parameterTypes = new ArrayList<>();
        for (Type type : method.getGenericParameterTypes()) {
            parameterTypes.add(TYPES.constructType(type));
        }
        int timeoutIndex = timeoutParameterIndex(method, resultType != null);
        boolean fenced = FencedRpcGateway.class.isAssignableFrom(method.getDeclaringClass());
        method.setAccessible(true); // gateway interfaces of tests and internal components may be package-private
        return new GatewayMethod(method, List.copyOf(parameterTypes), resultType, timeoutIndex, fenced);
    }

    private static JavaType resultType(Method method) {
        Class<?> returnType = method.getReturnType();
        if (returnType == void.class) {
            return null;
        }
        if (returnType != CompletableFuture.class) {
            throw new IllegalArgumentException("Gateway method " + method
                    + " must return void (tell) or CompletableFuture<T> (ask), not " + returnType.getName());
        }
        Type generic = method.getGenericReturnType();
        if (generic instanceof ParameterizedType parameterized) {
            return TYPES.constructType(parameterized.getActualTypeArguments()[0]);
        }
        return TYPES.constructType(Object.class);
    }

    private static int timeoutParameterIndex(Method method, boolean isAsk) {
        int found = -1;
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (!(annotation instanceof RpcTimeout)) {
                    continue;
                }
                if (found >= 0 || !isAsk || method.getParameterTypes()[i] != Duration.class) {
                    throw new IllegalArgumentException("Gateway method " + method
                            + " may mark at most one java.time.Duration parameter of an ask with @RpcTimeout");
                }
                found = i;
            }
        }
        return found;
    }

    /** Returns the method with that name, or {@code null}. */
    public GatewayMethod find(String name) {
        return methodsByName.get(name);
    }

    /** Returns the method the proxy was invoked with; the method must belong to this table. */
    public GatewayMethod get(Method method) {
        GatewayMethod found = methodsByName.get(method.getName());
        if (found == null) {
            throw new IllegalStateException("No gateway method " + method + " in this table");
        }
        return found;
    }

    /** Whether the table covers the gateway interface with that fully qualified name. */
    public boolean coversGateway(String interfaceName) {
        return gatewayInterfaceNames.contains(interfaceName);
    }
}
