package io.floe.api.windowing.assigners;

/** What the window operator needs to know of a sliding assigner to keep its elements in shared panes. */
public interface SlidingWindows {
    long getSize();

    long getSlide();

    long getOffset();
}
