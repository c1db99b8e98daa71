package io.floe.api.windowing.assigners;

import io.floe.api.windowing.triggers.EventTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Windows of a fixed size that do not overlap, by event time, aligned to the epoch plus an offset. */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> implements SlidingWindows {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    protected TumblingEventTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /** @param offset shifts the windows, e.g. by -8 h for days in UTC+8 */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        String name = "TumblingEventTimeWindows";
        long millis = TimeWindowSizes.positive(name, "size", size);
        return new TumblingEventTimeWindows(millis, TimeWindowSizes.offset(name, offset, millis, "size"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long start = TimeWindow.getWindowStartWithOffset(
                TimeWindowSizes.requireTimestamp("TumblingEventTimeWindows", timestamp), offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    public long getSize() {
        return size;
    }

    /** A tumbling window slides by its size. */
    @Override
    public long getSlide() {
        return size;
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
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
