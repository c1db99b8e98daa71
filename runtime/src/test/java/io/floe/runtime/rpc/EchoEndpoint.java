package io.floe.runtime.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Implements {@link EchoGateway}; every method asserts that it runs on the main thread. */
public class EchoEndpoint extends RpcEndpoint implements EchoGateway {

    /** Calls of {@link #neverAnswers()} received so far; readable from any thread. */
    public final AtomicInteger unansweredCalls = new AtomicInteger();

    private final List<String> events = new ArrayList<>();

    public EchoEndpoint(RpcService rpcService, String endpointId) {
        super(rpcService, endpointId);
    }

    @Override
    public CompletableFuture<Order> echo(Order order) {
        validateRunsInMainThread();
        return CompletableFuture.completedFuture(order);
    }

    @Override
    public CompletableFuture<List<Order>> repeat(Order order, int times) {
        validateRunsInMainThread();
        return CompletableFuture.completedFuture(Collections.nCopies(times, order));
    }

    @Override
    public CompletableFuture<byte[]> reverse(byte[] bytes) {
        validateRunsInMainThread();
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return CompletableFuture.completedFuture(reversed);
    }

    @Override
    public CompletableFuture<Priority> escalate(Priority priority) {
        validateRunsInMainThread();
        return CompletableFuture.completedFuture(Priority.HIGH);
    }

    @Override
    public CompletableFuture<Optional<Duration>> doubled(Optional<Duration> duration) {
        validateRunsInMainThread();
        return CompletableFuture.completedFuture(duration.map(d -> d.multipliedBy(2)));
    }

    @Override
    public CompletableFuture<String> mainThreadName() {
        validateRunsInMainThread();
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }

    @Override
    public void record(String event) {
        validateRunsInMainThread();
        events.add(event);
    }

    @Override
    public CompletableFuture<List<String>> recordedEvents() {
        validateRunsInMainThread();
        return CompletableFuture.completedFuture(List.copyOf(events));
    }

    @Override
    public CompletableFuture<String> neverAnswers() {
        unansweredCalls.incrementAndGet();
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<String> neverAnswersWithin(Duration timeout) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> throwing(String message) {
        throw new IllegalStateException(message);
    }

    @Override
    public CompletableFuture<Integer> failingFuture(String message) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(message));
    }
}
