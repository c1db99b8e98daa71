package io.floe.runtime.heartbeat;

import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.util.Futures;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The sending side of heartbeats (the ResourceManager and JobMaster towards TaskManagers). Each
 * {@link #heartbeatAll()} asks every target for its payload; a target that has not answered for
 * {@code timeout}, or whose connection failed {@value #RPC_FAILURE_THRESHOLD} times in a row, is
 * declared dead once and dropped. Not thread-safe: the owner calls it on its main thread, and
 * answers are handed back through {@code mainThread}.
 */
public final class HeartbeatMonitor<K, P> {
    /** Consecutive connection failures (the peer's process is gone) that count as dead before the timeout. */
    public static final int RPC_FAILURE_THRESHOLD = 2;

    /** What the owner learns from heartbeats. Called on the owner's main thread. */
    public interface Listener<K, P> {
        void onPayload(K target, P payload);

        void onTargetDead(K target, String reason);
    }

    private final Duration timeout;
    private final Executor mainThread;
    private final Listener<K, P> listener;
    private final Map<K, Target<P>> targets = new HashMap<>();
    private final HeartbeatTimeouts<K> answers;

    public HeartbeatMonitor(Duration timeout, Executor mainThread, LongSupplier clock, Listener<K, P> listener) {
        this.timeout = timeout;
        this.mainThread = mainThread;
        this.listener = listener;
        this.answers = new HeartbeatTimeouts<>(timeout, clock);
    }

    private static final class Target<P> {
        final Function<Duration, CompletableFuture<P>> call;
        int connectionFailures;
        boolean requestPending;

        Target(Function<Duration, CompletableFuture<P>> call) {
            this.call = call;
        }
    }

    /** Starts watching a target; {@code call} sends one heartbeat with the given ask timeout. */
    public void monitor(K id, Function<Duration, CompletableFuture<P>> call) {
        targets.put(id, new Target<>(call));
        answers.heard(id);
    }

    public void unmonitor(K id) {
        targets.remove(id);
        answers.forget(id);
    }

    public boolean isMonitored(K id) {
        return targets.containsKey(id);
    }

    /** Sends one round of heartbeats and declares dead the targets that stayed silent too long. */
    public void heartbeatAll() {
        for (K id : answers.removeExpired()) {
            declareDead(id, "no heartbeat answer for " + timeout.toMillis() + " ms");
        }
        for (K id : List.copyOf(targets.keySet())) {
            Target<P> target = targets.get(id);
            if (!target.requestPending) {
                target.requestPending = true;
                target.call
                        .apply(timeout)
                        .whenCompleteAsync((payload, error) -> onAnswer(id, target, payload, error), mainThread);
            }
        }
    }

    private void onAnswer(K id, Target<P> target, P payload, Throwable error) {
        target.requestPending = false;
        if (targets.get(id) != target) {
            return;
        }
        if (error == null) {
            answers.heard(id);
            target.connectionFailures = 0;
            listener.onPayload(id, payload);
            return;
        }
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof RpcConnectionException) {
            target.connectionFailures++;
            if (target.connectionFailures >= RPC_FAILURE_THRESHOLD) {
                declareDead(id, "connection lost: " + cause.getMessage());
            }
        }
    }

    private void declareDead(K id, String reason) {
        answers.forget(id);
        if (targets.remove(id) != null) {
            listener.onTargetDead(id, reason);
        }
    }
}
