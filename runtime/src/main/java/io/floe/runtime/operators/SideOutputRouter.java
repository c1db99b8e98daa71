package io.floe.runtime.operators;

import io.floe.api.OutputTag;
import java.util.Map;

/** The output of an operator whose side outputs are read: main records to one output, tagged ones by tag. */
public final class SideOutputRouter<T> implements Output<T> {
    private final Output<T> main;
    private final Map<OutputTag<?>, Output<Object>> sideOutputs;

    public SideOutputRouter(Output<T> main, Map<OutputTag<?>, Output<Object>> sideOutputs) {
        this.main = main;
        this.sideOutputs = Map.copyOf(sideOutputs);
    }

    @Override
    public void collect(T record) {
        main.collect(record);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record) {
        Output<Object> side = sideOutputs.get(tag);
        if (side != null) {
            side.collect(record);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        main.emitWatermark(watermark);
        for (Output<Object> side : sideOutputs.values()) {
            side.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        main.emitWatermarkStatus(idle);
        for (Output<Object> side : sideOutputs.values()) {
            side.emitWatermarkStatus(idle);
        }
    }
}
