package io.floe.runtime.network;

import io.floe.runtime.util.ExponentialBackoff;
import java.time.Duration;

/**
 * Exponential backoff for re-requesting a partition that is not registered yet: 10 ms, 20 ms,
 * 40 ms, ... until the delays add up to the configured maximum. Thread-safe.
 */
final class PartitionRequestBackoff {

    static final long INITIAL_DELAY_MILLIS = 10;

    private final long maxTotalMillis;
    private final ExponentialBackoff delays;
    private Duration lastDelay;
    private long totalMillis;
    private int retries;

    PartitionRequestBackoff(Duration maxTotal) {
        this.maxTotalMillis = maxTotal.toMillis();
        Duration initial = Duration.ofMillis(INITIAL_DELAY_MILLIS);
        this.delays = new ExponentialBackoff(initial, maxTotal.compareTo(initial) < 0 ? initial : maxTotal);
    }

    /** Delay before the next retry in milliseconds, or -1 once the budget is spent. */
    synchronized long nextDelayMillis() {
        if (totalMillis >= maxTotalMillis) {
            return -1;
        }
        lastDelay = delays.next(lastDelay);
        long delay = Math.min(lastDelay.toMillis(), maxTotalMillis - totalMillis);
        totalMillis += delay;
        retries++;
        return delay;
    }

    synchronized int getRetries() {
        return retries;
    }

    /** For error messages: "after 7 retries over 1270 ms". */
    synchronized String describe() {
        return "after " + retries + " retries over " + totalMillis + " ms";
    }
}
