package io.floe.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a stream gets event time: a {@link TimestampAssigner} for each element's timestamp and a
 * {@link WatermarkGenerator} for the watermarks, both created per subtask. Pass it to {@code
 * DataStream.assignTimestampsAndWatermarks}. Flink's built-ins and decorators:
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
 *         .withTimestampAssigner((event, previous) -> event.time)
 *         .withIdleness(Duration.ofSeconds(5));
 * }</pre>
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** By default the element keeps the timestamp its source gave it. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    /** This strategy, with {@code assigner} giving each element its timestamp. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
        Objects.requireNonNull(assigner, "timestamp assigner");
        return withTimestampAssigner(TimestampAssignerSupplier.of(assigner));
    }

    /** This strategy, with the assigners {@code supplier} creates. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
        Objects.requireNonNull(supplier, "timestamp assigner supplier");
        WatermarkStrategy<T> generators = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return generators.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return supplier.createTimestampAssigner(context);
            }
        };
    }

    /**
     * This strategy, marking an input idle after {@code idleTimeout} without events.
     * See {@link WatermarksWithIdleness}.
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("withIdleness needs a positive timeout, got " + idleTimeout);
        }
        WatermarkStrategy<T> inner = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarksWithIdleness<>(inner.createWatermarkGenerator(context), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return inner.createTimestampAssigner(context);
            }
        };
    }

    /** For timestamps that only grow. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return context -> new AscendingTimestampsWatermarks<>();
    }

    /** For events at most {@code maxOutOfOrderness} behind the latest one. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException(
                    "forBoundedOutOfOrderness needs a duration of 0 or more, got " + maxOutOfOrderness);
        }
        return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** With the generators {@code supplier} creates. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        Objects.requireNonNull(supplier, "watermark generator supplier");
        return supplier::createWatermarkGenerator;
    }

    /** No watermarks: only the end of a bounded input ends event time. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return context -> new NoWatermarksGenerator<>();
    }
}
