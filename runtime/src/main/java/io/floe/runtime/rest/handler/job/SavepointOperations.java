package io.floe.runtime.rest.handler.job;

import io.floe.api.JobId;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The savepoints REST clients triggered, by job and trigger id, so that they can poll for the
 * outcome ({@code GET /jobs/:jobid/savepoints/:triggerid}). An outcome is kept for five minutes
 * after it is known (Flink's {@code rest.async.store-duration}). A cluster that is about to end
 * (a per-job cluster whose job stopped with a savepoint) first waits until every known outcome was
 * fetched ({@link #allFetched()}), or its client would find the REST endpoint gone. Thread-safe.
 */
public final class SavepointOperations {
    private static final Duration KEEP = Duration.ofMinutes(5);

    private record Key(JobId jobId, String triggerId) {}

    private record Operation(CompletableFuture<String> result, AtomicLong doneAt, CompletableFuture<Void> fetched) {}

    private final Map<Key, Operation> operations = new ConcurrentHashMap<>();
    private final Clock clock;

    public SavepointOperations(Clock clock) {
        this.clock = clock;
    }

    /** Remembers a triggered savepoint; returns its trigger id. */
    String register(JobId jobId, CompletableFuture<String> result) {
        evictExpired();
        String triggerId = UUID.randomUUID().toString().replace("-", "");
        AtomicLong doneAt = new AtomicLong(Long.MAX_VALUE);
        result.whenComplete((location, failure) -> doneAt.set(clock.millis()));
        operations.put(new Key(jobId, triggerId), new Operation(result, doneAt, new CompletableFuture<>()));
        return triggerId;
    }

    /** The savepoint's outcome, or null for a trigger id this REST endpoint does not know (or no longer). */
    CompletableFuture<String> find(JobId jobId, String triggerId) {
        Operation operation = operations.get(new Key(jobId, triggerId));
        return operation == null ? null : operation.result();
    }

    /** Records that a client was given the outcome of this savepoint (it was done when answered). */
    void fetched(JobId jobId, String triggerId) {
        Operation operation = operations.get(new Key(jobId, triggerId));
        if (operation != null && operation.result().isDone()) {
            operation.fetched().complete(null);
        }
    }

    /** Completes once every savepoint triggered so far (and not yet expired) had its outcome fetched. */
    public CompletableFuture<Void> allFetched() {
        evictExpired();
        return CompletableFuture.allOf(
                operations.values().stream().map(Operation::fetched).toArray(CompletableFuture[]::new));
    }

    private void evictExpired() {
        long cutoff = clock.millis() - KEEP.toMillis();
        for (Iterator<Operation> it = operations.values().iterator(); it.hasNext(); ) {
            if (it.next().doneAt().get() < cutoff) {
                it.remove();
            }
        }
    }
}
