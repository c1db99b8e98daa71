package io.floe.runtime.operators;

import java.util.List;

/** Emits every record to several outputs: a stream that feeds more than one operator. */
public final class BroadcastingOutput<T> implements Output<T> {
    private final Output<T>[] outputs;

    @SuppressWarnings("unchecked")
    public BroadcastingOutput(List<Output<T>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    @Override
    public void collect(T record) {
        for (Output<T> output : outputs) {
            output.collect(record);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (Output<T> output : outputs) {
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        for (Output<T> output : outputs) {
            output.emitWatermarkStatus(idle);
        }
    }
}
