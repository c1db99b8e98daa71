package io.floe.api.windowing.assigners;

/**
 * Windows of a fixed size that start every slide (tumbling ones: the slide is the size): what the
 * window operator needs to know to keep their elements in slide-sized panes the windows share.
 */
public interface SlidingWindows {
    long getSize();

    long getSlide();

    long getOffset();
}
