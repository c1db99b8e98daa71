package io.floe.api.windowing.assigners;

import io.floe.api.windowing.triggers.EventTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Objects;

/** Session windows by event time: a key's session ends after {@code gap} without its elements. */
public class EventTimeSessionWindows<T> extends SessionWindows<T> {
    private static final long serialVersionUID = 1L;

    protected EventTimeSessionWindows(long gap, SessionWindowTimeGapExtractor<T> extractor) {
        super(gap, extractor);
    }

    public static <T> EventTimeSessionWindows<T> withGap(Duration gap) {
        return new EventTimeSessionWindows<>(TimeWindowSizes.positive("EventTimeSessionWindows", "gap", gap), null);
    }

    public static <T> EventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new EventTimeSessionWindows<>(0, Objects.requireNonNull(extractor, "session gap extractor"));
    }

    @Override
    long timeOf(long timestamp, WindowAssignerContext context) {
        return TimeWindowSizes.requireTimestamp("EventTimeSessionWindows", timestamp);
    }

    @Override
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.<T, TimeWindow>create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }
}
