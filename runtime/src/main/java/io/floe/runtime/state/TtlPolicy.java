package io.floe.runtime.state;

import io.floe.api.state.StateTtlConfig;
import java.util.function.LongSupplier;

/** A state's {@link StateTtlConfig} applied: when a {@link TtlValue} has expired, against which clock. */
final class TtlPolicy {
    private final StateTtlConfig config;
    private final long ttlMillis;
    private final LongSupplier clock;

    private TtlPolicy(StateTtlConfig config, LongSupplier clock) {
        this.config = config;
        this.ttlMillis = config.getTimeToLive().toMillis();
        this.clock = clock;
    }

    /** The policy of {@code config}, or null when it does not enable expiry. */
    static TtlPolicy of(StateTtlConfig config, LongSupplier clock) {
        return config.isEnabled() ? new TtlPolicy(config, clock) : null;
    }

    long now() {
        return clock.getAsLong();
    }

    boolean isExpired(TtlValue value, long now) {
        return value.lastAccess() <= now - ttlMillis; // Flink's rule: lastAccess + ttl <= now
    }

    boolean returnsExpired() {
        return config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    boolean refreshesOnRead() {
        return config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    }

    int incrementalCleanupSize() {
        return config.getIncrementalCleanupSize();
    }

    boolean cleansUpForEveryRecord() {
        return config.isIncrementalCleanupForEveryRecord();
    }
}
