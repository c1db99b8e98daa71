package io.floe.api.windowing.assigners;

import io.floe.api.windowing.triggers.EventTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Windows of a fixed size that start every {@code slide}, by event time: an element belongs to
 * {@code size / slide} of them. With the default trigger, no evictor and no allowed lateness (and a
 * size that is a multiple of the slide) Floe keeps such an element once, in the slide-sized pane it
 * falls in, and builds each window from its panes when it fires.
 */
public class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> implements SlidingWindows {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        String name = "SlidingEventTimeWindows";
        long sizeMillis = TimeWindowSizes.positive(name, "size", size);
        long slideMillis = TimeWindowSizes.slide(name, slide, sizeMillis);
        return new SlidingEventTimeWindows(
                sizeMillis, slideMillis, TimeWindowSizes.offset(name, offset, slideMillis, "slide"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return TimeWindowSizes.slidingWindows(
                TimeWindowSizes.requireTimestamp("SlidingEventTimeWindows", timestamp), size, slide, offset);
    }

    @Override
    public long getSize() {
        return size;
    }

    @Override
    public long getSlide() {
        return slide;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
    }
}
