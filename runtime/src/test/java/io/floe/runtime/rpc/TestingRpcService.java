package io.floe.runtime.rpc;

import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory {@link RpcService} for unit tests of one endpoint. It hosts endpoints as the Netty service does (each
 * on its own main thread, with fencing and the same lifecycle, through {@link EndpointInvocation}), but a call is a
 * method call on a proxy: no socket, no serialization. The endpoint's peers are fakes that a test registers by address
 * with {@link #registerGateway}; {@code connect} returns them as they are. Answers complete on the service's timer
 * thread, never on the callee's main thread, as they would arriving from a network.
 */
public final class TestingRpcService implements RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(TestingRpcService.class);
    public static final String HOST = "localhost";
    public static final int PORT = 6123;

    private final Clock clock;
    private final Duration askTimeout;
    private final RpcEndpointRegistry endpoints = new RpcEndpointRegistry();
    private final Map<String, RpcGateway> fakes = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "testing-rpc-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** @param clock what the hosted endpoints read the time from; a {@link ManualClock} to control it */
    public TestingRpcService(Clock clock, Duration askTimeout) {
        this.clock = clock;
        this.askTimeout = askTimeout;
    }

    public TestingRpcService() {
        this(Clock.systemUTC(), Duration.ofSeconds(10));
    }

    /** The address an endpoint with this id gets on this service. */
    public static String addressOf(String endpointId) {
        return RpcAddress.format(HOST, PORT, endpointId);
    }

    /** From now on, {@code connect(address, ...)} returns {@code gateway}. */
    public void registerGateway(String address, RpcGateway gateway) {
        fakes.put(address, gateway);
    }

    @Override
    public String getAddress() {
        return HOST;
    }

    @Override
    public int getPort() {
        return PORT;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RpcEndpointRegistry endpoints() {
        return endpoints;
    }

    @Override
    public ScheduledExecutorService getScheduledExecutor() {
        return timer;
    }

    @Override
    public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gatewayClass) {
        return connectGateway(address, null, gatewayClass);
    }

    @Override
    public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(
            String address, F fencingToken, Class<C> gatewayClass) {
        return connectGateway(address, fencingToken, gatewayClass);
    }

    private <C extends RpcGateway> CompletableFuture<C> connectGateway(
            String address, Serializable fencingToken, Class<C> gatewayClass) {
        RpcGateway fake = fakes.get(address);
        if (fake != null) {
            return gatewayClass.isInstance(fake)
                    ? CompletableFuture.completedFuture(gatewayClass.cast(fake))
                    : CompletableFuture.failedFuture(new RpcConnectionException("The fake at " + address + " ("
                            + fake.getClass().getName() + ") does not implement " + gatewayClass.getName()));
        }
        RpcAddress target;
        try {
            target = RpcAddress.parse(address);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        RpcEndpoint endpoint = endpoints.lookupReachable(target.endpointId());
        if (endpoint == null || !target.hostAndPort().equals(HOST + ":" + PORT)) {
            return CompletableFuture.failedFuture(
                    new RecipientUnreachableException("No running endpoint and no fake at " + address));
        }
        if (!endpoint.gatewayMethods().coversGateway(gatewayClass.getName())) {
            return CompletableFuture.failedFuture(new RpcConnectionException(
                    "Endpoint " + address + " does not implement gateway " + gatewayClass.getName()));
        }
        InvocationHandler handler = new LocalInvocationHandler(
                endpoint, address, GatewayMethodTable.forGateway(gatewayClass), fencingToken);
        return CompletableFuture.completedFuture(gatewayClass.cast(
                Proxy.newProxyInstance(gatewayClass.getClassLoader(), new Class<?>[] {gatewayClass}, handler)));
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        List<RpcEndpoint> hosted = endpoints.close();
        return CompletableFuture.allOf(
                        hosted.stream().map(RpcEndpoint::closeAsync).toArray(CompletableFuture<?>[]::new))
                .whenComplete((ignored, failure) -> timer.shutdownNow());
    }

    /** A gateway proxy whose calls run on the endpoint's main thread, as calls from the network would. */
    private final class LocalInvocationHandler implements InvocationHandler {
        private final RpcEndpoint endpoint;
        private final String address;
        private final GatewayMethodTable methods;
        private final Serializable fencingToken;

        LocalInvocationHandler(
                RpcEndpoint endpoint, String address, GatewayMethodTable methods, Serializable fencingToken) {
            this.endpoint = endpoint;
            this.address = address;
            this.methods = methods;
            this.fencingToken = fencingToken;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            Class<?> declaring = method.getDeclaringClass();
            if (declaring == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "local gateway to " + address;
                };
            }
            if (declaring == RpcGateway.class || declaring == FencedRpcGateway.class) {
                return switch (method.getName()) {
                    case "getAddress" -> address;
                    case "getHostname" -> HOST;
                    default -> fencingToken;
                };
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, arguments);
            }
            GatewayMethod gatewayMethod = methods.get(method);
            Object[] args = arguments == null ? new Object[0] : arguments;
            String token = fencingToken == null ? null : fencingToken.toString();
            if (!gatewayMethod.isAsk()) {
                EndpointInvocation.dispatch(endpoint, gatewayMethod, args, token, new TellAnswer(gatewayMethod));
                return null;
            }
            CompletableFuture<Object> result = new CompletableFuture<>();
            Duration timeout =
                    gatewayMethod.timeoutParameterIndex() >= 0 && args[gatewayMethod.timeoutParameterIndex()] != null
                            ? (Duration) args[gatewayMethod.timeoutParameterIndex()]
                            : askTimeout;
            timer.schedule(
                    () -> result.completeExceptionally(new RpcTimeoutException(
                            gatewayMethod.describe() + " on " + address + " was not answered within " + timeout)),
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            EndpointInvocation.dispatch(endpoint, gatewayMethod, args, token, new AskAnswer(result));
            return result;
        }
    }

    private final class AskAnswer implements EndpointInvocation.Answer {
        private final CompletableFuture<Object> result;

        AskAnswer(CompletableFuture<Object> result) {
            this.result = result;
        }

        @Override
        public void unreachable(String message) {
            fail(new RecipientUnreachableException(message));
        }

        @Override
        public void fencingRefused(FencingTokenException refusal) {
            fail(refusal);
        }

        @Override
        public void failed(Throwable cause) {
            fail(cause);
        }

        @Override
        public void returned(Object value) {
            timer.execute(() -> result.complete(value));
        }

        private void fail(Throwable cause) {
            timer.execute(() -> result.completeExceptionally(cause));
        }
    }

    private record TellAnswer(GatewayMethod method) implements EndpointInvocation.Answer {
        @Override
        public void unreachable(String message) {
            LOG.debug("Dropped tell {}: {}", method.describe(), message);
        }

        @Override
        public void fencingRefused(FencingTokenException refusal) {
            LOG.debug("Refused tell {}: {}", method.describe(), refusal.getMessage());
        }

        @Override
        public void failed(Throwable cause) {
            LOG.warn("Tell {} failed", method.describe(), cause);
        }

        @Override
        public void returned(Object value) {}
    }
}
