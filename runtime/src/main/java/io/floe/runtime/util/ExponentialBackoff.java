package io.floe.runtime.util;

import java.time.Duration;

/**
 * Delays between retries or polls: starts at {@code initial} and doubles up to {@code max}. Immutable; each
 * loop walks its own sequence with {@link #next(Duration)}.
 */
public record ExponentialBackoff(Duration initial, Duration max) {
    public ExponentialBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "Backoff needs 0 < initial <= max, not " + initial + " and " + max + ".");
        }
    }

    /** The delay after {@code previous}; {@code null} gives the first delay. */
    public Duration next(Duration previous) {
        if (previous == null) {
            return initial;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
