package io.floe.api.windowing.triggers;

import io.floe.api.windowing.windows.Window;

/**
 * Fires once event time passes the window's end; the default of the event-time assigners. An
 * element for a window whose end the watermark has already passed (late, but allowed) fires it at
 * once.
 */
public class EventTimeTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    private EventTimeTrigger() {}

    @SuppressWarnings("unchecked")
    public static <T, W extends Window> Trigger<T, W> create() {
        return (Trigger<T, W>) (Trigger<?, ?>) new EventTimeTrigger();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, OnMergeContext ctx) {
        // the merged window may end before the watermark (then its cleanup fires it); else wait for its end
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "EventTimeTrigger()";
    }
}
