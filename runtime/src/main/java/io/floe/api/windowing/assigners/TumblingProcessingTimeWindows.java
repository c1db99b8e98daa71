package io.floe.api.windowing.assigners;

import io.floe.api.windowing.triggers.ProcessingTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Windows of a fixed size that do not overlap, by the clock of the task that processes the element. */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    protected TumblingProcessingTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        String name = "TumblingProcessingTimeWindows";
        long millis = TimeWindowSizes.positive(name, "size", size);
        return new TumblingProcessingTimeWindows(millis, TimeWindowSizes.offset(name, offset, millis, "size"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long start = TimeWindow.getWindowStartWithOffset(context.getCurrentProcessingTime(), offset, size);
        return List.of(new TimeWindow(start, start + size));
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
        return "TumblingProcessingTimeWindows(" + size + ")";
    }
}
