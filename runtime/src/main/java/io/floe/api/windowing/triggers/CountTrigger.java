package io.floe.api.windowing.triggers;

import io.floe.api.functions.ReduceFunction;
import io.floe.api.state.ReducingState;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.windowing.windows.Window;

/** Fires every {@code maxCount} elements of a window (its count is window state, so it survives failures). */
public class CountTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ReducingStateDescriptor<Long> countDescriptor =
            new ReducingStateDescriptor<>("count", new Sum(), Long.class);

    private CountTrigger(long maxCount) {
        this.maxCount = maxCount;
    }

    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("CountTrigger: the count must be positive, but is " + maxCount);
        }
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
        count.add(1L);
        if (count.get() >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
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
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(countDescriptor);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }

    private static final class Sum implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return a + b;
        }
    }
}
