package io.floe.api.windowing.triggers;

import io.floe.api.windowing.windows.Window;
import java.util.Objects;

/** Turns every FIRE of the trigger it wraps into FIRE_AND_PURGE: each firing sees only the elements since the last. */
public class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;

    private final Trigger<T, W> nested;

    private PurgingTrigger(Trigger<T, W> nested) {
        this.nested = nested;
    }

    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nestedTrigger) {
        return new PurgingTrigger<>(Objects.requireNonNull(nestedTrigger, "the trigger to purge"));
    }

    private static TriggerResult purging(TriggerResult result) {
        return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        return purging(nested.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(nested.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(nested.onProcessingTime(time, window, ctx));
    }

    @Override
    public boolean canMerge() {
        return nested.canMerge();
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        nested.onMerge(window, ctx);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        nested.clear(window, ctx);
    }

    public Trigger<T, W> getNestedTrigger() {
        return nested;
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nested + ")";
    }
}
