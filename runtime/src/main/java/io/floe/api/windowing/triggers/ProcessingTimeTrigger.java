package io.floe.api.windowing.triggers;

import io.floe.api.windowing.windows.Window;

/** Fires once the clock passes the window's end; the default of the processing-time assigners. */
public class ProcessingTimeTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    private ProcessingTimeTrigger() {}

    @SuppressWarnings("unchecked")
    public static <T, W extends Window> Trigger<T, W> create() {
        return (Trigger<T, W>) (Trigger<?, ?>) new ProcessingTimeTrigger();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.FIRE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, OnMergeContext ctx) {
        if (window.maxTimestamp() > ctx.getCurrentProcessingTime()) {
            ctx.registerProcessingTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteProcessingTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "ProcessingTimeTrigger()";
    }
}
