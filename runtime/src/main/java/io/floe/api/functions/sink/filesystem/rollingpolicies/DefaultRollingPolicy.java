package io.floe.api.functions.sink.filesystem.rollingpolicies;

import io.floe.api.functions.sink.filesystem.PartFileInfo;
import io.floe.api.functions.sink.filesystem.RollingPolicy;
import io.floe.configuration.MemorySize;
import java.time.Duration;

/**
 * Rolls a part file when it reaches a size (128 MB), has been open for a while (60 s) or has had
 * nothing written for a while (60 s); Flink's defaults.
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;

    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder();
    }

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return currentTime - partFileState.getCreationTime() >= rolloverInterval
                || currentTime - partFileState.getLastUpdateTime() >= inactivityInterval;
    }

    public long getMaxPartSize() {
        return partSize;
    }

    public long getRolloverInterval() {
        return rolloverInterval;
    }

    public long getInactivityInterval() {
        return inactivityInterval;
    }

    /** Builds a {@link DefaultRollingPolicy}. */
    public static final class PolicyBuilder {
        private long partSize = 128L * 1024 * 1024;
        private long rolloverInterval = 60_000;
        private long inactivityInterval = 60_000;

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            return withMaxPartSize(size.getBytes());
        }

        public PolicyBuilder withMaxPartSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("withMaxPartSize: the size must be positive, was " + bytes);
            }
            this.partSize = bytes;
            return this;
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            this.rolloverInterval = positive(interval, "withRolloverInterval");
            return this;
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            this.inactivityInterval = positive(interval, "withInactivityInterval");
            return this;
        }

        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval, inactivityInterval);
        }

        private static long positive(Duration interval, String what) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException(what + ": the interval must be positive, was " + interval);
            }
            return interval.toMillis();
        }
    }
}
