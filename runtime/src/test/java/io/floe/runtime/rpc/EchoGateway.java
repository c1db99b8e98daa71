package io.floe.runtime.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A gateway exercising every kind of argument, result and failure. */
public interface EchoGateway extends RpcGateway {

    enum Priority {
        LOW,
        HIGH
    }

    record Order(
            String id,
            int quantity,
            List<String> tags,
            byte[] payload,
            Priority priority,
            UUID reference,
            Duration ttl,
            Optional<String> note,
            Map<String, Long> counters) {}

    CompletableFuture<Order> echo(Order order);

    CompletableFuture<List<Order>> repeat(Order order, int times);

    CompletableFuture<byte[]> reverse(byte[] bytes);

    CompletableFuture<Priority> escalate(Priority priority);

    CompletableFuture<Optional<Duration>> doubled(Optional<Duration> duration);

    CompletableFuture<String> mainThreadName();

    /** Tell: records the event. */
    void record(String event);

    CompletableFuture<List<String>> recordedEvents();

    CompletableFuture<String> neverAnswers();

    CompletableFuture<String> neverAnswersWithin(@RpcTimeout Duration timeout);

    CompletableFuture<Void> throwing(String message);

    CompletableFuture<Integer> failingFuture(String message);

    /** Runs locally on the proxy. */
    default String describe() {
        return "echo at " + getAddress();
    }
}
