package io.floe.runtime.heartbeat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * When each peer was last heard from, and which stayed silent longer than the timeout. Both sides of a heartbeat use
 * it: the {@link HeartbeatMonitor} of a sender for the answers it gets, a TaskExecutor for the heartbeats it
 * receives. Not thread-safe: the owner calls it on its main thread.
 */
public final class HeartbeatTimeouts<K> {

    private final long timeoutMillis;
    private final LongSupplier clock;
    private final Map<K, Long> lastHeard = new HashMap<>();

    /** @param clock epoch milliseconds, from the owner's clock */
    public HeartbeatTimeouts(Duration timeout, LongSupplier clock) {
        this.timeoutMillis = timeout.toMillis();
        this.clock = clock;
    }

    /** The peer was heard from now; starts watching it if it was not watched. */
    public void heard(K peer) {
        lastHeard.put(peer, clock.getAsLong());
    }

    /** Starts watching the peer as if heard from now, unless it is watched already. */
    public void watch(K peer) {
        lastHeard.putIfAbsent(peer, clock.getAsLong());
    }

    public void forget(K peer) {
        lastHeard.remove(peer);
    }

    public boolean watches(K peer) {
        return lastHeard.containsKey(peer);
    }

    /** Removes and returns the peers silent for longer than the timeout. */
    public List<K> removeExpired() {
        long now = clock.getAsLong();
        List<K> expired = new ArrayList<>();
        lastHeard.entrySet().removeIf(entry -> {
            boolean silent = now - entry.getValue() > timeoutMillis;
            if (silent) {
                expired.add(entry.getKey());
            }
            return silent;
        });
        return expired;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }
}
