package io.floe.api.windowing.assigners;

import io.floe.api.windowing.triggers.ProcessingTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Objects;

/** Session windows by the clock: a key's session ends after {@code gap} without its elements. */
public class ProcessingTimeSessionWindows<T> extends SessionWindows<T> {
    private static final long serialVersionUID = 1L;

    protected ProcessingTimeSessionWindows(long gap, SessionWindowTimeGapExtractor<T> extractor) {
        super(gap, extractor);
    }

    public static <T> ProcessingTimeSessionWindows<T> withGap(Duration gap) {
        return new ProcessingTimeSessionWindows<>(
                TimeWindowSizes.positive("ProcessingTimeSessionWindows", "gap", gap), null);
    }

    public static <T> ProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new ProcessingTimeSessionWindows<>(0, Objects.requireNonNull(extractor, "session gap extractor"));
    }

    @Override
    long timeOf(long timestamp, WindowAssignerContext context) {
        return context.getCurrentProcessingTime();
    }

    @Override
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.<T, TimeWindow>create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
