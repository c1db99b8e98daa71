package io.floe.api.windowing.triggers;

import io.floe.api.functions.ReduceFunction;
import io.floe.api.state.ReducingState;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * Fires every {@code interval} of event time while the window is open (early results), and once
 * more at its end. The next firing time is window state.
 */
public class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> nextFireDescriptor =
            new ReducingStateDescriptor<>("fire-time", new Min(), Long.class);

    private ContinuousEventTimeTrigger(long interval) {
        this.interval = interval;
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        long millis = Objects.requireNonNull(interval, "ContinuousEventTimeTrigger: the interval is null")
                .toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    "ContinuousEventTimeTrigger: the interval must be positive, but is " + interval);
        }
        return new ContinuousEventTimeTrigger<>(millis);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE; // late but allowed: the window has had its end firing
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        if (nextFire.get() == null) {
            long start = timestamp - Math.floorMod(timestamp, interval);
            registerNext(start + interval, window, nextFire, ctx);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long fireTime = nextFire.get();
        if (fireTime != null && fireTime == time) {
            nextFire.clear();
            registerNext(time + interval, window, nextFire, ctx);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    private static void registerNext(long time, Window window, ReducingState<Long> nextFire, TriggerContext ctx)
            throws Exception {
        if (time < window.maxTimestamp()) { // the end firing is a timer of its own
            nextFire.add(time);
            ctx.registerEventTimeTimer(time);
        }
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(nextFireDescriptor);
        Long nextFire = ctx.getPartitionedState(nextFireDescriptor).get();
        if (nextFire != null) {
            ctx.registerEventTimeTimer(nextFire);
        }
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long fireTime = nextFire.get();
        if (fireTime != null) {
            ctx.deleteEventTimeTimer(fireTime);
            nextFire.clear();
        }
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
