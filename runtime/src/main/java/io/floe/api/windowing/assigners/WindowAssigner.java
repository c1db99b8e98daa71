package io.floe.api.windowing.assigners;

import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element into zero or more windows, by its timestamp (event time) or the clock
 * (processing time); the trigger it gives by default says when a window fires.
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param timestamp the element's event timestamp, {@code Long.MIN_VALUE} without one
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    public abstract Trigger<T, W> getDefaultTrigger();

    /** Whether windows are in event time (they need timestamps, and fire on watermarks). */
    public abstract boolean isEventTime();

    /** What an assigner may ask of the operator. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }
}
