package io.floe.api.windowing.triggers;

import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import io.floe.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window fires and when its contents go: on each element, and on the timers it
 * set (event time when a watermark passes them, processing time when the clock does). A trigger
 * keeps what it counts in state of its window ({@link TriggerContext#getPartitionedState}), so it
 * is checkpointed with the window.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether the trigger can follow windows that merge (session windows); then {@link #onMerge} is implemented. */
    public boolean canMerge() {
        return false;
    }

    /** Windows merged into {@code window}: set the timers it needs and merge the state of the old ones. */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows.");
    }

    /** The window is gone: delete its timers and state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger may do: read the clocks, set and delete its window's timers, use its window's state. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State of this key and window (value and reducing state). */
        <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }

    /** The context of {@link #onMerge}: also merges the state of the windows that merged into this one. */
    public interface OnMergeContext extends TriggerContext {
        /** Merges the reducing state {@code stateDescriptor} names of the merged windows into the new one. */
        <S extends State> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }
}
