package io.floe.runtime.network;

import java.time.Duration;

/**
 * Exponential backoff for re-requesting a partition that is not registered yet: 10 ms, 20 ms,
 * 40 ms, ... until the delays add up to the configured maximum. Thread-safe.
 */
final class PartitionRequestBackoff {

    static final long INITIAL_DELAY_MILLIS = 10;

    private final long maxTotalMillis;
    private long nextDelayMillis = INITIAL_DELAY_MILLIS;
    private long totalMillis;
    private int retries;

    PartitionRequestBackoff(Duration maxTotal) {
        this.maxTotalMillis = maxTotal.toMillis();
    }

    /** Delay before the next retry in milliseconds, or -1 once the budget is spent. */
    synchronized long nextDelayMillis() {
        if (totalMillis >= maxTotalMillis) {
            return -1;
        }
        long delay = Math.min(nextDelayMillis, maxTotalMillis - totalMillis);
        totalMillis += delay;
        nextDelayMillis = Math.min(nextDelayMillis * 2, maxTotalMillis);
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
