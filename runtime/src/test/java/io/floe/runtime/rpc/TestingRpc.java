package io.floe.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.floe.runtime.rpc.netty.NettyRpcService;
import io.floe.runtime.rpc.netty.RpcServiceConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Starting services on loopback, waiting with deadlines, and asserting failed futures. */
public final class TestingRpc {

    public static final Duration DEADLINE = Duration.ofSeconds(10);
    public static final int MAX_FRAME_SIZE_BYTES = 64 * 1024;

    private TestingRpc() {}

    /** Starts a service on 127.0.0.1 with an ephemeral port. */
    public static NettyRpcService startService(Duration askTimeout) {
        return NettyRpcService.start(new RpcServiceConfig("127.0.0.1", null, 0, askTimeout, MAX_FRAME_SIZE_BYTES));
    }

    public static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the future to fail and returns its cause, asserting its type. */
    public static <E extends Throwable> E awaitFailure(Class<E> expected, CompletableFuture<?> future) {
        ExecutionException failure =
                assertThrows(ExecutionException.class, () -> future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        return assertInstanceOf(expected, failure.getCause());
    }

    /** Polls the condition until it holds, failing after {@link #DEADLINE}. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    public static void closeQuietly(RpcService... services) throws Exception {
        for (RpcService service : services) {
            if (service != null) {
                service.closeAsync().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
