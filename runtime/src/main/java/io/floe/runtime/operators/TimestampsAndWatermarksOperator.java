package io.floe.runtime.operators;

import io.floe.api.eventtime.TimestampAssigner;
import io.floe.api.eventtime.TimestampAssignerSupplier;
import io.floe.api.eventtime.Watermark;
import io.floe.api.eventtime.WatermarkGenerator;
import io.floe.api.eventtime.WatermarkGeneratorSupplier;
import io.floe.api.eventtime.WatermarkOutput;
import io.floe.api.eventtime.WatermarkStrategy;
import java.util.Objects;

/**
 * {@code assignTimestampsAndWatermarks}: gives each record the timestamp the strategy's assigner
 * computes and emits the watermarks its generator makes, on events and every {@code
 * pipeline.auto-watermark-interval}. Watermarks from upstream are dropped, except the end of event
 * time (as in Flink: this operator's generator now decides event time). In BATCH mode only the end
 * of the input ends event time, so nothing is late.
 */
public final class TimestampsAndWatermarksOperator<T> extends StreamOperator<T, T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> strategy;
    private final String operatorName;

    private transient TimestampAssigner<T> assigner;
    private transient WatermarkGenerator<T> generator;
    private transient Emitter emitter;
    private transient ElementTimestamp timestamp;
    private transient long intervalMillis;
    private transient ProcessingTimeService.Registration periodic;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy, String operatorName) {
        this.strategy = Objects.requireNonNull(strategy, "watermark strategy");
        this.operatorName = operatorName;
    }

    @Override
    public void open() throws Exception {
        timestamp = context.timestamp();
        assigner = strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {});
        generator = strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {});
        emitter = new Emitter(output, !context.batch());
        intervalMillis = context.autoWatermarkInterval().toMillis();
        if (intervalMillis > 0 && !context.batch()) {
            ProcessingTimeService time = context.processingTime();
            periodic = time.registerTimer(time.getCurrentProcessingTime() + intervalMillis, this::onPeriodicEmit);
        }
    }

    @Override
    public void processElement(T element) throws Exception {
        long assigned = assigner.extractTimestamp(element, timestamp.orMinValue());
        if (assigned < 0) {
            throw new IllegalArgumentException("The timestamp assigner of " + operatorName + " in "
                    + context.taskName() + " returned " + assigned + " for " + describe(element)
                    + ": event timestamps are milliseconds since the epoch, 0 or more.");
        }
        timestamp.set(assigned);
        generator.onEvent(element, assigned, emitter);
        output.collect(element);
    }

    private void onPeriodicEmit(long time) throws Exception {
        generator.onPeriodicEmit(emitter);
        ProcessingTimeService service = context.processingTime();
        periodic = service.registerTimer(
                Math.max(time, service.getCurrentProcessingTime()) + intervalMillis, this::onPeriodicEmit);
    }

    @Override
    public void processWatermark(long watermark) {
        if (watermark == Long.MAX_VALUE) {
            emitter.emitWatermark(Watermark.MAX_WATERMARK); // the end of the input stays the end of event time
        }
    }

    @Override
    public void processWatermarkStatus(boolean idle) {} // this operator's generator decides

    @Override
    public void endInput() {
        if (!context.batch()) {
            generator.onPeriodicEmit(emitter); // what the last events made of the watermark
        }
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.cancel();
        }
    }

    private static String describe(Object element) {
        String text = String.valueOf(element);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Passes the generator's watermarks on when they advance, and idleness when it changes. */
    private static final class Emitter implements WatermarkOutput {
        private final Output<?> output;
        private final boolean emitsProgress;
        private long current = Long.MIN_VALUE;
        private boolean idle;

        Emitter(Output<?> output, boolean emitsProgress) {
            this.output = output;
            this.emitsProgress = emitsProgress;
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            long timestamp = watermark.getTimestamp();
            if (timestamp <= current || (!emitsProgress && timestamp != Long.MAX_VALUE)) {
                return;
            }
            current = timestamp;
            markActive();
            output.emitWatermark(timestamp);
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(true);
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                output.emitWatermarkStatus(false);
            }
        }
    }
}
