package io.floe.api.windowing.assigners;

import io.floe.api.windowing.triggers.ProcessingTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Windows of a fixed size that start every {@code slide}, by the clock of the task: an element belongs to
 * {@code size / slide} of them, and is kept in each (panes are for event time only, so far).
 */
public class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> implements SlidingWindows {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingProcessingTimeWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        String name = "SlidingProcessingTimeWindows";
        long sizeMillis = TimeWindowSizes.positive(name, "size", size);
        long slideMillis = TimeWindowSizes.slide(name, slide, sizeMillis);
        return new SlidingProcessingTimeWindows(
                sizeMillis, slideMillis, TimeWindowSizes.offset(name, offset, slideMillis, "slide"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return TimeWindowSizes.slidingWindows(context.getCurrentProcessingTime(), size, slide, offset);
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
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
    }
}
