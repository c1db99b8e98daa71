package io.floe.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Lets keyed state expire, as in Flink: a value (a list element, a map entry) expires {@code ttl}
 * after it was last written (or also read, with {@link UpdateType#OnReadAndWrite}), in processing
 * time. Expired values are not returned ({@link StateVisibility#NeverReturnExpired}, the default)
 * and are removed as they are met: on access, a few entries per state access in the background
 * ({@link Builder#cleanupIncrementally}, on by default with 5 entries, as Flink's heap backend
 * does) and when a full snapshot is written ({@link Builder#cleanupFullSnapshot}).
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(10))
 *         .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
 *         .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
 *         .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No expiry: the default of every descriptor. */
    public static final StateTtlConfig DISABLED =
            new StateTtlConfig(UpdateType.Disabled, StateVisibility.NeverReturnExpired, Duration.ZERO, false, 0, false);

    /** When a value's time to live starts again. */
    public enum UpdateType {
        Disabled,
        OnCreateAndWrite,
        OnReadAndWrite
    }

    /** Whether an expired value that was not removed yet may still be returned. */
    public enum StateVisibility {
        ReturnExpiredIfNotCleanedUp,
        NeverReturnExpired
    }

    /** The clock of expiry; only processing time exists, as in Flink. */
    public enum TtlTimeCharacteristic {
        ProcessingTime
    }

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final Duration ttl;
    private final boolean cleanupInFullSnapshot;
    private final int incrementalCleanupSize;
    private final boolean incrementalCleanupForEveryRecord;

    private StateTtlConfig(
            UpdateType updateType,
            StateVisibility stateVisibility,
            Duration ttl,
            boolean cleanupInFullSnapshot,
            int incrementalCleanupSize,
            boolean incrementalCleanupForEveryRecord) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttl = ttl;
        this.cleanupInFullSnapshot = cleanupInFullSnapshot;
        this.incrementalCleanupSize = incrementalCleanupSize;
        this.incrementalCleanupForEveryRecord = incrementalCleanupForEveryRecord;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public Duration getTimeToLive() {
        return ttl;
    }

    public TtlTimeCharacteristic getTtlTimeCharacteristic() {
        return TtlTimeCharacteristic.ProcessingTime;
    }

    public boolean isCleanupInFullSnapshot() {
        return cleanupInFullSnapshot;
    }

    /** How many entries each state access checks for expiry; 0 when incremental cleanup is off. */
    public int getIncrementalCleanupSize() {
        return incrementalCleanupSize;
    }

    /** Whether the incremental cleanup also runs once per processed record, not only on state access. */
    public boolean isIncrementalCleanupForEveryRecord() {
        return incrementalCleanupForEveryRecord;
    }

    @Override
    public String toString() {
        return "StateTtlConfig{updateType=" + updateType + ", stateVisibility=" + stateVisibility + ", ttl=" + ttl
                + ", cleanupInFullSnapshot=" + cleanupInFullSnapshot + ", incrementalCleanupSize="
                + incrementalCleanupSize + "}";
    }

    /** Builds a {@link StateTtlConfig}; the defaults are Flink's. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private Duration ttl;
        private boolean cleanupInFullSnapshot;
        private int incrementalCleanupSize = -1;
        private boolean incrementalCleanupForEveryRecord;
        private boolean cleanupInBackground = true;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setUpdateType(UpdateType updateType) {
            Objects.requireNonNull(updateType, "updateType");
            if (updateType == UpdateType.Disabled) {
                throw new IllegalArgumentException("UpdateType.Disabled means no expiry: leave out enableTimeToLive,"
                        + " or pick OnCreateAndWrite or OnReadAndWrite.");
            }
            this.updateType = updateType;
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility visibility) {
            this.stateVisibility = Objects.requireNonNull(visibility, "stateVisibility");
            return this;
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
            Objects.requireNonNull(characteristic, "ttlTimeCharacteristic");
            return this;
        }

        public Builder useProcessingTime() {
            return this;
        }

        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("A state's time to live must be positive, was " + ttl + ".");
            }
            this.ttl = ttl;
            return this;
        }

        /** Leaves expired values out of full snapshots (checkpoints and savepoints). */
        public Builder cleanupFullSnapshot() {
            this.cleanupInFullSnapshot = true;
            return this;
        }

        /**
         * Checks {@code cleanupSize} entries for expiry on every state access, and also once per
         * record if {@code runCleanupForEveryRecord}.
         */
        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            if (cleanupSize < 1) {
                throw new IllegalArgumentException(
                        "cleanupIncrementally: cleanupSize must be at least 1, was " + cleanupSize + ".");
            }
            this.incrementalCleanupSize = cleanupSize;
            this.incrementalCleanupForEveryRecord = runCleanupForEveryRecord;
            return this;
        }

        /** RocksDB's compaction filter; Floe's heap backend cleans up incrementally instead. Accepted for ports. */
        public Builder cleanupInRocksdbCompactFilter(long queryTimeAfterNumEntries) {
            return this;
        }

        /** Turns off the default incremental cleanup; expired values then go on access and in full snapshots. */
        public Builder disableCleanupInBackground() {
            this.cleanupInBackground = false;
            return this;
        }

        public StateTtlConfig build() {
            int cleanupSize = incrementalCleanupSize > 0 ? incrementalCleanupSize : (cleanupInBackground ? 5 : 0);
            return new StateTtlConfig(
                    updateType,
                    stateVisibility,
                    ttl,
                    cleanupInFullSnapshot,
                    cleanupSize,
                    cleanupSize > 0 && incrementalCleanupForEveryRecord);
        }
    }
}
