package io.floe.api.windowing.windows;

/**
 * A group of elements a window function sees together. Windows are immutable and compared by
 * value: the same window of the same key is one window, whichever element put it there.
 */
public abstract class Window {
    /** The largest timestamp that still belongs to this window: when event time passes it, the window is complete. */
    public abstract long maxTimestamp();
}
